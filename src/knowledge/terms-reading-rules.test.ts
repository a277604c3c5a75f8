/**
 * Severity and polarity rules of the Terms of Service types (issue 11, READING.md's "high" list), on sentences
 * quoted verbatim from the latest Terms of Service in the Open Terms Archive "contrib" collection (attribution:
 * Open Terms Archive contributors, ODC-By 1.0; Markdown markup removed), listed in fixtures/terms-readings.json
 * with the rule each holds (a subject gate, or a polarity or severity rule). None was from a document of the reading
 * sets when it was added but one: Proton Mail's and Instacart's terms joined the study set later (its eleventh round),
 * and the case on the validity of Proton's class action waiver comes from that round's errors. Each rule has a case
 * it must change and a case it must leave alone, so that dropping the rule or widening it fails a test.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { z } from "zod";
import { loadTaxonomy } from "./load-taxonomy.js";
import { matchPatterns, mentionsSubject } from "./match-patterns.js";
import { resolvePolarity, resolveSeverity } from "./resolve-rules.js";
import { PolaritySchema, SeveritySchema } from "./schema.js";

const CaseSchema = z.strictObject({
  rule: z.string(),
  name: z.string(),
  source: z.string(),
  type: z.string(),
  /**
   * `subject`: whether the text can be about the type at all (its subject gate); `pattern`: which pattern fires,
   * with the subject gate and the resulting polarity; else (`reading`) its polarity and severity.
   */
  kind: z.enum(["reading", "subject", "pattern"]).default("reading"),
  // A real sentence: an empty text (a lost shell variable) once made a case pass without its rule.
  text: z.string().min(20),
  /** The sentence introducing the list item `text` is (its lead-in), read with it by the subject gate. */
  context: z.string().optional(),
  expected: z.strictObject({
    polarity: PolaritySchema.optional(),
    severity: SeveritySchema.optional(),
    subject: z.boolean().optional(),
    /** The pattern that must fire (its id), or null: none of the type's patterns fires. */
    pattern: z.string().nullable().optional(),
  }),
});

const CASES = z
  .array(CaseSchema)
  .parse(JSON.parse(readFileSync(new URL("./fixtures/terms-readings.json", import.meta.url), "utf8")));

const taxonomy = loadTaxonomy();

/** The polarity and severity the taxonomy's rules give `text` read as clause type `id`. */
function reading(id: string, text: string): { polarity: string; severity: string } {
  const clause = taxonomy.byId.get(id);
  assert.ok(clause, id);
  const hits = matchPatterns(clause, text);
  return {
    polarity: resolvePolarity(clause, text, hits).value,
    severity: resolveSeverity(clause, text, hits).value,
  };
}

for (const rule of new Set(CASES.map((c) => c.rule))) {
  describe(rule, () => {
    for (const c of CASES.filter((k) => k.rule === rule)) {
      it(`${c.name} (${c.source})`, () => {
        const clause = taxonomy.byId.get(c.type);
        assert.ok(clause, c.type);
        if (c.expected.subject !== undefined)
          assert.equal(mentionsSubject(clause, c.text, c.context), c.expected.subject);
        if (c.expected.pattern !== undefined) {
          const fired = matchPatterns(clause, c.text, c.context).map((hit) => hit.pattern.id);
          if (c.expected.pattern === null) assert.deepEqual(fired, []);
          else assert.ok(fired.includes(c.expected.pattern), fired.join(", "));
        }
        if (c.kind === "subject") return;
        const got = reading(c.type, c.text);
        if (c.expected.polarity) assert.equal(got.polarity, c.expected.polarity);
        if (c.expected.severity) assert.equal(got.severity, c.expected.severity);
      });
    }
  });
}
