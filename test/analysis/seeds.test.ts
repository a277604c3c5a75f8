import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { analyzeText } from "../../src/analysis/index.js";

const seed = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../../src/analysis/segment/fixtures/${name}`, import.meta.url)),
    "utf8",
  );

function typesFound(text: string): { types: Set<string>; analysis: ReturnType<typeof analyzeText> } {
  const analysis = analyzeText(text);
  return { types: new Set(analysis.provisions.flatMap((p) => p.clauses.map((c) => c.type))), analysis };
}

it("finds the edX sponsor clause as high-severity institutional sharing, and the policy's other practices", () => {
  const { types, analysis } = typesFound(seed("edx-privacy-policy-2023-06-15.md"));
  const sponsor = analysis.provisions.find((p) => p.text.includes("sponsor your enrollment"));
  assert.ok(sponsor, "the sponsor clause is a provision");
  const clause = sponsor.clauses.find((c) => c.type === "sharing-institutional-clients");
  assert.ok(clause, "classified as sharing with institutional clients");
  assert.equal(clause.severity, "high");
  assert.equal(
    sponsor.text.slice(clause.evidence.start - sponsor.start, clause.evidence.end - sponsor.start),
    clause.evidence.text,
  );
  for (const t of [
    "childrens-data",
    "international-transfer",
    "retention-period",
    "right-deletion",
    "state-privacy-notice",
  ]) {
    assert.ok(types.has(t), `${t} found`);
  }
  assert.ok(analysis.grade, "graded");
});

it("finds portability, deletion, backups, anonymous use, analytics/ads and sign-on sharing in the freeCodeCamp Q&A", () => {
  const { types } = typesFound(seed("freecodecamp-privacy-qa-2025-02-18.md"));
  for (const t of [
    "right-portability",
    "right-deletion",
    "backup-retention",
    "anonymous-use",
    "analytics-providers",
    "targeted-advertising",
    "single-sign-on",
  ]) {
    assert.ok(types.has(t), `${t} found`);
  }
});

it("reports no clauses for a non-English policy instead of inventing them", () => {
  const french = readFileSync(
    fileURLToPath(
      new URL(
        "../../src/analysis/language/fixtures/ota-yahoo-privacy-policy-fr-2019-10-02.md",
        import.meta.url,
      ),
    ),
    "utf8",
  );
  const analysis = analyzeText(french);
  assert.equal(analysis.language.isEnglish, false);
  assert.ok(analysis.provisions.length > 10);
  assert.equal(analysis.provisions.flatMap((p) => p.clauses).length, 0);
  assert.match(analysis.warnings.join(" "), /English-only/);
  assert.equal(analysis.grade, null);
});

it("handles empty text and one giant paragraph without inventing structure", () => {
  assert.deepEqual(analyzeText("").provisions, []);
  const giant = seed("edx-privacy-policy-2023-06-15.md").replace(/\s+/g, " ");
  const analysis = analyzeText(giant);
  assert.ok(analysis.provisions.length > 1, "split into bounded provisions");
  for (const p of analysis.provisions) assert.equal(giant.slice(p.start, p.end), p.text);
});
