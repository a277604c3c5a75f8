import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { compileRegex, loadTaxonomy } from "../knowledge/index.js";
import { LiteralPrefilters } from "./literal-prefilter.js";
import { RegexAlternatives } from "./regex-alternatives.js";

const fixtures = fileURLToPath(new URL("../analysis/segment/fixtures/", import.meta.url));

/** Lines of the segmentation fixtures (real policies and terms). */
function realLines(): string[] {
  return readdirSync(fixtures)
    .filter((f) => f.endsWith(".md"))
    .flatMap((name) => readFileSync(join(fixtures, name), "utf8").split("\n"))
    .filter((line) => line.trim() !== "");
}

/** A regex that counts how often it runs. */
class CountingRegExp extends RegExp {
  runs = 0;
  override test(text: string): boolean {
    this.runs++;
    return super.test(text);
  }
}

describe("RegexAlternatives", () => {
  it("answers as the alternation of the taxonomy's decisive patterns on real documents", () => {
    const sources = loadTaxonomy()
      .types.flatMap((t) => t.patterns)
      .filter((p) => p.decisive)
      .map((p) => p.regex);
    assert.ok(sources.length >= 10);
    const alternation = compileRegex(sources.map((s) => `(?:${s})`).join("|"));
    const alternatives = new RegexAlternatives(sources.map((s) => compileRegex(s)));
    const lines = realLines();
    const disagree = lines.filter((line) => alternation.test(line) !== alternatives.test(line));
    assert.deepEqual(disagree, []);
    assert.ok(
      lines.filter((line) => alternatives.test(line)).length >= 20,
      "some lines hold decisive wording",
    );
  });

  it("runs no expression whose literals the text lacks, and stops at the first that matches", () => {
    const arbitration = new CountingRegExp("\\bbinding arbitration\\b", "i");
    const sale = new CountingRegExp("\\bsell (your|personal) (data|information)\\b", "i");
    const alternatives = new RegexAlternatives([arbitration, sale]);
    assert.equal(alternatives.test("We do not share your data with advertisers."), false);
    assert.equal(arbitration.runs + sale.runs, 0);
    assert.equal(alternatives.test("Disputes go to BINDING ARBITRATION; we may sell your data."), true);
    assert.deepEqual([arbitration.runs, sale.runs], [1, 0]);
  });

  it("answers right for sets sharing prefilters, one built after the other's scan of the same text", () => {
    const prefilters = new LiteralPrefilters();
    const a = new RegexAlternatives([/\bcookies\b/i], prefilters);
    const text = "We use cookies and web beacons.";
    assert.equal(a.test(text), true);
    const b = new RegexAlternatives([/\bbeacons\b/i], prefilters);
    assert.equal(b.test(text), true);
    assert.equal(b.test("We use cookies."), false);
    assert.equal(a.test("We use cookies."), true);
  });

  it("refuses a global or sticky expression, whose lastIndex would carry from one text to the next", () => {
    assert.throws(() => new RegexAlternatives([/cookies/g]), /global or sticky/);
    assert.throws(() => new RegexAlternatives([/cookies/y]), /global or sticky/);
  });
});
