/**
 * Validates `labels/*.jsonl` by `labels/GUIDELINES.md` and prints what they hold: lines per file, positives per
 * clause type, polarity and severity distributions, lines per platform. Exits 1 on any problem.
 *
 * Run: node --import tsx scripts/validate-labels.ts [--labels DIR] [--shared DIR]
 * With the shared data (default /work/shared) every text is looked up verbatim in the version it cites.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkLabels, labelTypeIds, readHeldOutPlatforms } from "../src/analysis/classify/label-check.js";
import { REVIEWS_FILE } from "../src/analysis/classify/training-data.js";
import { argValue } from "./argv.js";

const LABELS = argValue("--labels") ?? "labels";
const SHARED = argValue("--shared") ?? "/work/shared";
const report = checkLabels(LABELS, {
  knownTypes: labelTypeIds("knowledge/clause-type-ids.tsv"),
  heldOutPlatforms: readHeldOutPlatforms(join(LABELS, "held-out-platforms.txt")),
  corpusDir: join(SHARED, "corpus", "ota-contrib"),
  otherSources: {
    edX: join(SHARED, "seeds", "edx-privacy-policy-2023-06-15.md"),
    freeCodeCamp: join(SHARED, "seeds", "freecodecamp-privacy-qa-2025-02-18.md"),
  },
});
for (const p of report.problems) console.error(`${p.file}:${p.line}: ${p.message}`);

interface Line {
  platform: string;
  types: string[];
  polarity: string;
  severity: string | null;
}
const rows: Line[] = [];
for (const file of readdirSync(LABELS)
  .filter((f) => f.endsWith(".jsonl") && f !== REVIEWS_FILE)
  .sort()) {
  const lines = readFileSync(join(LABELS, file), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "");
  console.log(`${file.padEnd(36)} ${lines.length}`);
  for (const l of lines) rows.push(JSON.parse(l) as Line);
}
const count = <T>(values: T[]): [T, number][] => {
  const m = new Map<T, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
};
const fmt = (pairs: [unknown, number][]): string => pairs.map(([k, n]) => `${String(k)} ${n}`).join(", ");
console.log(
  `lines ${report.lines}, texts looked up ${report.textsChecked}, problems ${report.problems.length}`,
);
console.log(`platforms ${new Set(rows.map((r) => r.platform)).size}`);
console.log(`polarity: ${fmt(count(rows.map((r) => r.polarity)))}`);
console.log(`severity: ${fmt(count(rows.map((r) => r.severity)))}`);
console.log(`negatives: ${rows.filter((r) => r.types.length === 0).length}`);
console.log("positives per type:");
for (const [type, n] of count(rows.flatMap((r) => r.types))) console.log(`  ${type.padEnd(32)} ${n}`);
console.log("lines per platform:");
console.log(`  ${fmt(count(rows.map((r) => r.platform)))}`);
process.exitCode = report.problems.length > 0 ? 1 : 0;
