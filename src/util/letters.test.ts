import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bmpCharClasses, bmpLetterOrDigit, hasSurrogates, LETTER, NUMBER } from "./letters.js";

describe("bmpLetterOrDigit", () => {
  it("equals [\\p{L}\\p{N}] on every code unit outside the surrogates", () => {
    const fast = new RegExp(`^[${bmpLetterOrDigit()}]$`);
    const reference = /^[\p{L}\p{N}]$/u;
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (fast.test(ch) !== reference.test(ch)) assert.fail(`U+${c.toString(16)} differs`);
    }
  });

  it("tells texts with surrogates apart", () => {
    assert.equal(hasSurrogates("plain text, é, 中文"), false);
    assert.equal(hasSurrogates("math 𝐀"), true);
  });
});

describe("bmpCharClasses", () => {
  it("has the letter bit exactly on \\p{L} and the number bit exactly on \\p{N}", () => {
    const table = bmpCharClasses();
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const surrogate = c >= 0xd800 && c <= 0xdfff;
      const letter = !surrogate && /^\p{L}$/u.test(ch);
      const number = !surrogate && /^\p{N}$/u.test(ch);
      if (((table[c]! & LETTER) !== 0) !== letter || ((table[c]! & NUMBER) !== 0) !== number)
        assert.fail(`U+${c.toString(16)} differs`);
    }
  });
});
