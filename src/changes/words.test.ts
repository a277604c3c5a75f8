import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fixture } from "./test-helpers.js";
import { countWords, wordsOf } from "./words.js";

/** The expression wordsOf used before its ranges became data: the ranges must still read the same. */
const WRITTEN_OUT =
  /[0-9A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2070-\u209f\u2c00-\u2dff\u3040-\ud7ff\uf900-\ufdff\ufe70-\ufefc\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff66-\uffdc]+/g;

/** Strings of code units drawn around the ranges' edges, with spaces and punctuation between. */
function randomTexts(n: number): string[] {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed;
  };
  const edges = [
    0x2f, 0x30, 0x5b, 0xab, 0xd7, 0xf7, 0x1fff, 0x2000, 0x209f, 0x20a0, 0xd7ff, 0xd800, 0xffdc, 0xffdd,
  ];
  const texts: string[] = [];
  for (let t = 0; t < n; t++) {
    let s = "";
    for (let i = next() % 60; i > 0; i--) {
      const r = next() % 4;
      s += String.fromCharCode(
        r === 0 ? edges[next() % edges.length]! + (next() % 3) - 1 : r === 1 ? 32 : next() % 0x10000,
      );
    }
    texts.push(s);
  }
  return texts;
}

describe("words", () => {
  it("wordsOf reads the runs the written-out expression reads", () => {
    for (const text of [...randomTexts(2000), fixture("Firefox/Terms of Service/2025-03-01T06-06-57Z.md")]) {
      assert.deepEqual(wordsOf(text), text.match(WRITTEN_OUT) ?? [], JSON.stringify(text));
    }
  });

  it("countWords counts wordsOf's runs without building them", () => {
    assert.equal(countWords(""), 0);
    assert.equal(countWords("Last updated: 4 June 2025 — «Ελληνικά» 日本語"), 7);
    for (const text of [
      ...randomTexts(2000),
      fixture("Proton Mail/Privacy Policy/2025-09-23T06-17-26Z.md"),
    ]) {
      assert.equal(countWords(text), wordsOf(text).length, JSON.stringify(text));
    }
  });
});
