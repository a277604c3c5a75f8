/**
 * Type precision of shown findings (high/medium, confidence ≥ 0.5) split by what supports them: the text model
 * alone (no pattern of the type fired), patterns and model agreeing (the model alone would have predicted the type
 * and a pattern fired too), or a pattern needed (the type is predicted only because a pattern fired, decisive
 * wording included). Model-only findings are also split by confidence band: their confidence is the learned
 * fusion of the model's probability alone, so the bands are bands of model probability.
 *
 * Run: node --import tsx bench/findings-support.ts [--set dev|heldout]
 *   `dev` (default) prints the table; `heldout` prints only the totals per support (issue 11: the held-out set is
 *   measured, never studied block by block).
 */
import { join } from "node:path";
import { argValue } from "../scripts/argv.js";
import { readLabelledDocuments } from "../src/analysis/eval/reading-labels.js";
import { combineScores, scoreDocument } from "../src/analysis/eval/reading-score.js";
import { analyzeText } from "../src/analysis/index.js";
import type { Classification, ClassifiedProvision } from "../src/model/index.js";
import { READING_SET_DIRS } from "./reading-sets.js";

const SET = argValue("--set") ?? "dev";
const dir = SET === "dev" || SET === "heldout" ? READING_SET_DIRS[SET] : undefined;
if (!dir) {
  console.error(`unknown --set ${SET}: expected dev or heldout`);
  process.exit(2);
}

/** What a finding rests on. */
function support(c: Classification): "model only" | "pattern + model" | "pattern needed" {
  if (!c.reasons.some((r) => r.kind === "pattern")) return "model only";
  return c.source === "model" ? "pattern + model" : "pattern needed";
}

const BANDS = [0.5, 0.75, 0.9, 0.95, 1.01];
function band(c: Classification): string {
  const i = BANDS.findIndex((b) => c.confidence < b);
  return `model only, confidence ${BANDS[i - 1]}–${Math.min(1, BANDS[i]!)}`;
}

const documents = readLabelledDocuments(join(dir, "labels"), join(dir, "documents"));
const analysed = documents.map((doc) => ({ doc, provisions: analyzeText(doc.text).provisions }));

/** Precision of the shown findings that `keep` selects, scored by the bench's own scorer. */
function precisionOf(keep: (c: Classification) => boolean): string {
  const only = (ps: readonly ClassifiedProvision[]): ClassifiedProvision[] =>
    ps.map((p) => ({ ...p, clauses: p.clauses.filter(keep) }));
  const { counts } = combineScores(
    analysed.map(({ doc, provisions }) => scoreDocument(doc, only(provisions))),
  );
  const p = counts.shown ? (counts.typeRight / counts.shown).toFixed(3) : "  –  ";
  return `${p} (${counts.typeRight}/${counts.shown})`;
}

const rows: [string, (c: Classification) => boolean][] = [
  ["all shown", () => true],
  ["pattern + model", (c) => support(c) === "pattern + model"],
  ["pattern needed", (c) => support(c) === "pattern needed"],
  ["model only", (c) => support(c) === "model only"],
];
if (SET === "dev") {
  for (let i = 1; i < BANDS.length; i++) {
    const name = band({ confidence: BANDS[i - 1]! } as Classification);
    rows.push([name, (c) => support(c) === "model only" && band(c) === name]);
  }
}
console.log(`type precision of shown findings by support, ${documents.length} documents (${dir})`);
console.log(`| ${"support".padEnd(36)} | precision (right/shown) |`);
console.log(`|${"-".repeat(38)}|------------------------|`);
for (const [name, keep] of rows) console.log(`| ${name.padEnd(36)} | ${precisionOf(keep).padEnd(22)} |`);
