/**
 * Grade distribution on the latest version of every document of /work/shared/corpus/ota-contrib (ODC-By 1.0, Open
 * Terms Archive contributors): the letters each scale gives, the platforms' grades and whether each lies between
 * its documents', against the issue-11 bars (no letter holds more than 40 % of documents; Terms of Service spread
 * over at least three letters). Prints the table published in BENCHMARKS.md and the README.
 *
 * Run: node --import tsx bench/grades.ts [--corpus DIR]. Writes bench/out/grades.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type DocumentGrade, gradePlatform } from "../src/analysis/grade/index.js";
import { analyzeText } from "../src/analysis/index.js";
import type { Grade } from "../src/model/index.js";
import { latestVersions } from "./corpus.js";

const i = process.argv.indexOf("--corpus");
const CORPUS = i >= 0 ? process.argv[i + 1]! : "/work/shared/corpus/ota-contrib";
const LETTERS: Grade[] = ["A", "B", "C", "D", "E"];

interface Graded {
  service: string;
  termsType: string;
  grade: DocumentGrade;
}

const documents: Graded[] = [];
let ungraded = 0;
for (const row of latestVersions(CORPUS)) {
  const grade = analyzeText(readFileSync(join(CORPUS, row.file), "utf8"), { termsType: row.termsType }).grade;
  if (grade) documents.push({ service: row.service, termsType: row.termsType, grade });
  else ungraded++;
}

const count = (grades: readonly Grade[]) => LETTERS.map((l) => grades.filter((g) => g === l).length);
const row = (label: string, grades: readonly Grade[]) => {
  const counts = count(grades);
  const share = Math.max(...counts) / Math.max(1, grades.length);
  return {
    label,
    n: grades.length,
    counts,
    largestShare: share,
    letters: counts.filter((c) => c > 0).length,
  };
};
const rows = [
  row(
    "Privacy Policy",
    documents.filter((d) => d.termsType === "Privacy Policy").map((d) => d.grade.grade),
  ),
  row(
    "Trackers Policy",
    documents.filter((d) => d.termsType === "Trackers Policy").map((d) => d.grade.grade),
  ),
  row(
    "Terms of Service",
    documents.filter((d) => d.termsType === "Terms of Service").map((d) => d.grade.grade),
  ),
  row(
    "all documents",
    documents.map((d) => d.grade.grade),
  ),
];

const services = [...new Set(documents.map((d) => d.service))];
const RANK: Record<Grade, number> = { A: 0, B: 1, C: 2, D: 3, E: 4 };
let inconsistent = 0;
const platforms = services.map((service) => {
  const own = documents.filter((d) => d.service === service);
  const grade = gradePlatform(own.map((d) => d.grade))!;
  const ranks = own.map((d) => RANK[d.grade.grade]);
  if (RANK[grade.grade] < Math.min(...ranks) || RANK[grade.grade] > Math.max(...ranks)) inconsistent++;
  return {
    service,
    grade: grade.grade,
    score: grade.score,
    documents: own.map((d) => `${d.termsType} ${d.grade.grade}`),
  };
});
rows.push(
  row(
    "platforms",
    platforms.map((p) => p.grade),
  ),
);

console.log(
  `${documents.length} documents graded (${ungraded} not: not English or empty), ${platforms.length} platforms\n`,
);
console.log(`| | n | ${LETTERS.join(" | ")} | largest share |`);
console.log(`|---|---:|${LETTERS.map(() => "---:").join("|")}|---:|`);
for (const r of rows) {
  console.log(`| ${r.label} | ${r.n} | ${r.counts.join(" | ")} | ${(100 * r.largestShare).toFixed(0)} % |`);
}
const all = rows.find((r) => r.label === "all documents")!;
const terms = rows.find((r) => r.label === "Terms of Service")!;
console.log(
  `\nbar: no letter above 40 % of documents: ${all.largestShare <= 0.4 ? "met" : "NOT met"} (${(100 * all.largestShare).toFixed(0)} %)`,
);
console.log(
  `bar: Terms of Service over at least 3 letters: ${terms.letters >= 3 ? "met" : "NOT met"} (${terms.letters})`,
);
console.log(`platform grade outside its documents' range: ${inconsistent} of ${platforms.length}`);

mkdirSync("bench/out", { recursive: true });
writeFileSync(
  "bench/out/grades.json",
  JSON.stringify(
    {
      rows,
      platforms,
      documents: documents.map((d) => ({
        service: d.service,
        termsType: d.termsType,
        grade: d.grade.grade,
        score: d.grade.score,
        points: d.grade.points,
      })),
    },
    null,
    1,
  ),
);
