/**
 * The reading figures of design/READING.md on documents a careful reader labelled block by block and that
 * ClauseWatch never trained on (bench/findings/, see its README): `analyzeText` on each document, each provision's
 * findings placed on the blocks its span overlaps, and the five figures for what a page shows (high/medium,
 * confidence ≥ 0.5): type precision, high deserved, recall, polarity agreement and inverted share, per document
 * and in total, with their counts. The cases behind them (wrong types, undeserved highs, polarity errors, misses)
 * go to bench/out/findings.json and bench/out/findings-cases.md for engineers to study.
 *
 * Run: node --import tsx bench/findings.ts [--set heldout|dev|fresh|study] [--labels DIR] [--documents DIR] [--out DIR]
 *   --set: `heldout` (default, bench/findings/, the measurement), `dev` (bench/findings-dev/, the development
 *     set engineers study errors on) or `fresh` (bench/findings-fresh/, a measurement nobody tunes on: the
 *     estimate of an independent check) or `study` (bench/findings-study/, documents labelled blind on 2026-12-07 to
 *     study errors on documents the rules were not written from); sets the labels folder and writes to bench/out/<set>/ instead of
 *     bench/out/
 *   --labels: a folder of `<name>.jsonl` label files (default: the set's `labels`)
 *   --documents: the folder of their `<name>.md` documents (default: `documents` beside the labels folder)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { argValue } from "../scripts/argv.js";
import { readLabelledDocuments } from "../src/analysis/eval/reading-labels.js";
import {
  combineScores,
  type FindingError,
  type Miss,
  type ReadingCounts,
  type ReadingScore,
  readingFigures,
  scoreDocument,
} from "../src/analysis/eval/reading-score.js";
import { analyzeText } from "../src/analysis/index.js";
import { READING_SET_DIRS } from "./reading-sets.js";

const SET_NAME = argValue("--set") ?? "heldout";
const SET_DIR = READING_SET_DIRS[SET_NAME];
if (!SET_DIR) {
  console.error(`unknown --set ${SET_NAME}: expected one of ${Object.keys(READING_SET_DIRS).join(", ")}`);
  process.exit(2);
}
const LABELS = resolve(argValue("--labels") ?? join(SET_DIR, "labels"));
const DOCUMENTS = resolve(argValue("--documents") ?? join(dirname(LABELS), "documents"));
// The held-out set keeps its historical output folder.
const OUT = resolve(
  argValue("--out") ?? (SET_NAME === "heldout" ? "bench/out" : join("bench/out", SET_NAME)),
);

/** Issue 11's bar for each figure ("done when"); inverted is a ceiling. */
const TARGETS = { precision: 0.9, highDeserved: 0.9, recall: 0.8, polarity: 0.88, inverted: 0.01 };

const documents = readLabelledDocuments(LABELS, DOCUMENTS);
const scores = new Map<string, ReadingScore>();
for (const doc of documents) scores.set(doc.name, scoreDocument(doc, analyzeText(doc.text).provisions));
const total = combineScores([...scores.values()]);

const pct = (x: number | null): string => (x === null ? "   –" : x.toFixed(2));
function row(name: string, c: ReadingCounts): string {
  const f = readingFigures(c);
  return [
    name.padEnd(34),
    `${pct(f.precision)} (${c.typeRight}/${c.shown})`.padEnd(17),
    `${pct(f.highDeserved)} (${c.highDeserved}/${c.high})`.padEnd(15),
    `${pct(f.recall)} (${c.found}/${c.readerLabels})`.padEnd(17),
    `${pct(f.polarity)} (${c.polarAgree}/${c.polar})`.padEnd(15),
    `${pct(f.inverted)} (${c.polarInverted}/${c.polar})`,
  ].join(" ");
}

console.log(`reading figures on ${documents.length} labelled documents (${LABELS})`);
console.log(
  `${"document".padEnd(34)} ${"precision".padEnd(17)} ${"high deserved".padEnd(15)} ${"recall".padEnd(17)} ${"polarity".padEnd(15)} inverted`,
);
for (const [name, s] of scores) console.log(row(name, s.counts));
console.log(row("TOTAL", total.counts));
const figures = readingFigures(total.counts);
const verdict = (key: keyof typeof TARGETS): string => {
  const value = figures[key];
  if (value === null) return "n/a";
  const ok = key === "inverted" ? value <= TARGETS[key] : value >= TARGETS[key];
  return `${value.toFixed(3)} (target ${key === "inverted" ? "≤" : "≥"} ${TARGETS[key]}: ${ok ? "met" : "not met"})`;
};
for (const key of Object.keys(TARGETS) as (keyof typeof TARGETS)[])
  console.log(`  ${key.padEnd(13)} ${verdict(key)}`);
console.log(
  `cases: ${total.wrongType.length} wrong types, ${total.undeservedHigh.length} undeserved highs, ${total.polarityErrors.length} polarity errors, ${total.misses.length} misses`,
);

mkdirSync(OUT, { recursive: true });
writeFileSync(
  join(OUT, "findings.json"),
  `${JSON.stringify(
    {
      labels: LABELS,
      documents: Object.fromEntries(
        [...scores].map(([name, s]) => [name, { counts: s.counts, figures: readingFigures(s.counts) }]),
      ),
      total: { counts: total.counts, figures },
      wrongType: total.wrongType,
      undeservedHigh: total.undeservedHigh,
      polarityErrors: total.polarityErrors,
      misses: total.misses,
    },
    null,
    2,
  )}\n`,
);

const excerpt = (text: string): string => text.replace(/\s+/g, " ").slice(0, 220).replace(/\|/g, "\\|");
const errorLine = (e: FindingError): string =>
  `| ${e.document} | ${e.provision} | ${e.type} | ${e.severity} ${e.polarity} ${e.confidence.toFixed(2)} | ${e.reader.join(", ") || "—"} | ${excerpt(e.text)} |`;
const missLine = (m: Miss): string =>
  `| ${m.document} | ${m.block} | ${m.type} | ${m.severity} ${m.polarity} | ${m.found.join(", ") || "—"} | ${excerpt(m.text)} |`;
const errorTable = (title: string, rows: FindingError[]): string[] => [
  `## ${title} (${rows.length})`,
  "",
  "| document | provision | type | severity, polarity, confidence | reader on the blocks | text |",
  "|---|---:|---|---|---|---|",
  ...rows.map(errorLine),
  "",
];
writeFileSync(
  join(OUT, "findings-cases.md"),
  [
    "# Reading cases behind the figures (`npm run bench:findings`)",
    "",
    ...errorTable("Shown findings whose type the reader did not give", total.wrongType),
    ...errorTable("High findings the reader did not rate high or medium", total.undeservedHigh),
    ...errorTable(
      "Polarity disagreements (type right, reader protective or concerning)",
      total.polarityErrors,
    ),
    `## Reader's high/medium labels not found (${total.misses.length})`,
    "",
    "| document | block | type | reader severity, polarity | ClauseWatch types on the block | text |",
    "|---|---:|---|---|---|---|",
    ...total.misses.map(missLine),
    "",
  ].join("\n"),
);
console.log(`wrote ${join(OUT, "findings.json")} and ${join(OUT, "findings-cases.md")}`);
