import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { analyzeVersion, segmentOnly } from "./analyze-version.js";
import { fixture } from "./test-helpers.js";

const TEXT = fixture("Firefox/Terms of Service/2025-03-01T06-06-57Z.md");

describe("analyze-version", () => {
  // The segmentation of a text is remembered for the next analysis of the same text: what a caller does with
  // the provisions it got must not reach the next caller.
  for (const [name, analyze] of [
    ["segmentOnly", segmentOnly],
    ["analyzeVersion", analyzeVersion],
  ] as const) {
    test(`${name}: a text analysed again gets provisions of its own`, () => {
      const first = analyze(TEXT);
      const expected = structuredClone(first);
      assert.ok(first.length > 1);
      for (const p of first) {
        p.text = "changed by the caller";
        p.start = -1;
        p.clauses.length = 0;
      }
      const second = analyze(TEXT);
      assert.deepEqual(second, expected);
      assert.notEqual(second[0], first[0]);
    });
  }
});
