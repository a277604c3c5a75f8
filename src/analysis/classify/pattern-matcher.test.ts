import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { loadTaxonomy, matchPatterns } from "../../knowledge/index.js";
import { fixtureType } from "./fixtures/taxonomy.js";
import { matchTypePatterns } from "./pattern-matcher.js";

const type = fixtureType("sale-of-data", [
  { id: "weak", regex: "\\bsell\\b", weight: 0.4 },
  { id: "strong", regex: "\\bsell (your )?data\\b", weight: 0.9, excludes: "\\bnever\\b" },
  { id: "needs", regex: "\\bpartners?\\b", weight: 0.6, requires: "\\bsell\\b" },
]);

const signature = (hits: { pattern: { id: string }; start: number; end: number }[]) =>
  hits.map((h) => [h.pattern.id, h.start, h.end]);

describe("matchTypePatterns", () => {
  it("agrees with the knowledge base's matchPatterns, strongest first", () => {
    for (const text of [
      "We sell data to partners.",
      "We never sell data to partners.",
      "Our partners help us.",
      "We sell your data.",
      "Nothing here.",
    ]) {
      assert.deepEqual(signature(matchTypePatterns(type, text)), signature(matchPatterns(type, text)), text);
    }
    assert.deepEqual(
      matchTypePatterns(type, "We sell data to partners.").map((h) => h.pattern.id),
      ["strong", "needs", "weak"],
    );
  });

  it("agrees with matchPatterns on every type of the knowledge base over real policies (one alternation first)", () => {
    const fixtures = fileURLToPath(new URL("../segment/fixtures/", import.meta.url));
    const paragraphs = readdirSync(fixtures)
      .filter((f) => f.endsWith(".md"))
      .flatMap((f) => readFileSync(join(fixtures, f), "utf8").split("\n\n"));
    let fired = 0;
    for (const t of loadTaxonomy().types) {
      for (const text of paragraphs) {
        const mine = signature(matchTypePatterns(t, text));
        assert.deepEqual(mine, signature(matchPatterns(t, text)), `${t.id}: ${text.slice(0, 60)}`);
        fired += mine.length;
      }
    }
    assert.ok(fired > 100, String(fired));
  });

  it("keeps flags apart and runs patterns with backreferences or named groups one by one", () => {
    const mixed = fixtureType("sale-of-data", [
      { id: "line", regex: "^we sell$", weight: 0.5, flags: "m" },
      { id: "plain", regex: "^we sell$", weight: 0.4 },
      { id: "again", regex: "\\b(\\w+) \\1\\b", weight: 0.3 },
      { id: "named", regex: "(?<word>data) (?<word2>brokers)", weight: 0.2 },
    ]);
    for (const text of ["intro\nWe sell\nmore", "We sell", "data data", "data brokers", "nothing"]) {
      assert.deepEqual(
        signature(matchTypePatterns(mixed, text)),
        signature(matchPatterns(mixed, text)),
        text,
      );
    }
  });

  it("sees patterns edited in place", () => {
    const edited = fixtureType("sale-of-data", [
      { id: "a", regex: "\\bsell\\b", weight: 0.4 },
      { id: "b", regex: "\\brent\\b", weight: 0.3 },
      { id: "c", regex: "\\blease\\b", weight: 0.2 },
    ]);
    assert.equal(matchTypePatterns(edited, "we trade data").length, 0);
    edited.patterns[0]!.regex = "\\btrade\\b";
    assert.deepEqual(signature(matchTypePatterns(edited, "we trade data")), [["a", 3, 8]]);
  });
  it("fires a pattern with a lead-in requirement only under a lead-in that meets it", () => {
    const column = fixtureType("sale-of-data", [
      { id: "row", regex: "\\badvertising partners\\b", weight: 0.8, leadInRequires: "\\bsold or shared\\b" },
      { id: "b", regex: "\\brent\\b", weight: 0.3 },
      { id: "c", regex: "\\blease\\b", weight: 0.2 },
    ]);
    const row = "Identifiers | Advertising partners";
    const header =
      "Categories of personal information | Categories of third parties to whom it was sold or shared";
    for (const context of [header, "Categories of personal information | Disclosed to", undefined]) {
      const expected = context === header ? [["row", 14, 34]] : [];
      assert.deepEqual(signature(matchTypePatterns(column, row, context)), expected, String(context));
      assert.deepEqual(signature(matchPatterns(column, row, context)), expected, String(context));
    }
  });
});
