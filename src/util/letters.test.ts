import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bmpLetterOrDigit, hasSurrogates } from "./letters.js";

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
