import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { matchPatterns } from "../../knowledge/index.js";
import { fixtureType } from "./fixtures/taxonomy.js";
import { matchTypePatterns } from "./pattern-matcher.js";

const type = fixtureType("sale-of-data", [
  { id: "weak", regex: "\\bsell\\b", weight: 0.4 },
  { id: "strong", regex: "\\bsell (your )?data\\b", weight: 0.9, excludes: "\\bnever\\b" },
  { id: "needs", regex: "\\bpartners?\\b", weight: 0.6, requires: "\\bsell\\b" },
]);

describe("matchTypePatterns", () => {
  it("agrees with the knowledge base's matchPatterns, strongest first", () => {
    for (const text of [
      "We sell data to partners.",
      "We never sell data to partners.",
      "Our partners help us.",
      "We sell your data.",
      "Nothing here.",
    ]) {
      const mine = matchTypePatterns(type, text).map((h) => [h.pattern.id, h.start, h.end]);
      const theirs = matchPatterns(type, text).map((h) => [h.pattern.id, h.start, h.end]);
      assert.deepEqual(mine, theirs, text);
    }
    assert.deepEqual(
      matchTypePatterns(type, "We sell data to partners.").map((h) => h.pattern.id),
      ["strong", "needs", "weak"],
    );
  });
});
