/**
 * Inter-reader agreement on a labelled reading set (issue 11: how much of the gap is label noise?). Two folders
 * of block labels of the same documents are compared block by block: the second reader's high/medium labels
 * scored as findings against the first reader (the five reading figures of bench/findings.ts, same scorer), the
 * reverse, Cohen's kappa for "the block has a finding", severity agreement on the types both gave a block, and
 * the types the readers disagree on most. Documents labelled by only one reader are skipped.
 *
 * Run: node --import tsx bench/reader-agreement.ts [--first DIR] [--second DIR] [--documents DIR] [--out FILE]
 *   --first: the first reader's labels (default bench/findings-fresh/labels)
 *   --second: the second reader's labels (default bench/findings-fresh/second-reader)
 *   --documents: the documents (default bench/findings-fresh/documents)
 *   --out: the JSON report (default bench/out/fresh/reader-agreement.json)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { argValue } from "../scripts/argv.js";
import {
  cohensKappa,
  combineAgreements,
  compareReaders,
  type ReaderAgreement,
  severityAgreement,
} from "../src/analysis/eval/reader-agreement.js";
import { readLabelledDocuments } from "../src/analysis/eval/reading-labels.js";
import { type ReadingCounts, readingFigures } from "../src/analysis/eval/reading-score.js";

const FIRST = resolve(argValue("--first") ?? "bench/findings-fresh/labels");
const SECOND = resolve(argValue("--second") ?? "bench/findings-fresh/second-reader");
const DOCUMENTS = resolve(argValue("--documents") ?? "bench/findings-fresh/documents");
const OUT = resolve(argValue("--out") ?? "bench/out/fresh/reader-agreement.json");

const first = new Map(readLabelledDocuments(FIRST, DOCUMENTS).map((d) => [d.name, d]));
const perDocument = new Map<string, ReaderAgreement>();
for (const doc of readLabelledDocuments(SECOND, DOCUMENTS)) {
  const other = first.get(doc.name);
  if (other) perDocument.set(doc.name, compareReaders(other, doc));
}
if (perDocument.size === 0) {
  console.error(`no document labelled in both ${FIRST} and ${SECOND}`);
  process.exit(2);
}
const total = combineAgreements([...perDocument.values()]);

const fixed = (x: number | null): string => (x === null ? "–" : x.toFixed(2));
function figuresRow(name: string, c: ReadingCounts): string {
  const f = readingFigures(c);
  return `| ${name} | ${fixed(f.precision)} (${c.typeRight}/${c.shown}) | ${fixed(f.highDeserved)} (${c.highDeserved}/${c.high}) | ${fixed(f.recall)} (${c.found}/${c.readerLabels}) | ${fixed(f.polarity)} (${c.polarAgree}/${c.polar}) | ${fixed(f.inverted)} (${c.polarInverted}/${c.polar}) |`;
}
const FIGURES_HEADER = [
  "| document | precision | high deserved | recall | polarity | inverted |",
  "|---|---:|---:|---:|---:|---:|",
];
const direction = (title: string, pick: (a: ReaderAgreement) => ReadingCounts): string[] => [
  `## ${title}`,
  "",
  ...FIGURES_HEADER,
  ...[...perDocument].map(([name, a]) => figuresRow(name, pick(a))),
  figuresRow("**both documents**", pick(total)),
  "",
];

function agreementRow(name: string, a: ReaderAgreement): string {
  const t = a.anyFinding;
  const n = t.both + t.firstOnly + t.secondOnly + t.neither;
  const s = severityAgreement(a.matched);
  const ratio = (x: number, d: number): string => `${fixed(d === 0 ? null : x / d)} (${x}/${d})`;
  return `| ${name} | ${n} | ${t.both} / ${t.firstOnly} / ${t.secondOnly} / ${t.neither} | ${fixed(cohensKappa(t))} | ${ratio(s.same, s.matched)} | ${ratio(s.sameShown, s.matched)} |`;
}

/** Per type: blocks where both gave it, only one did (all severities and high/medium), severities that differ. */
function typeRows(a: ReaderAgreement): string[] {
  const rows = new Map<string, number[]>();
  const add = (type: string, column: number): void => {
    const row = rows.get(type) ?? [0, 0, 0, 0, 0, 0];
    row[column] = (row[column] ?? 0) + 1;
    rows.set(type, row);
  };
  for (const m of a.matched) {
    add(m.type, 0);
    if (m.first !== m.second) add(m.type, 5);
  }
  for (const u of a.unmatched) {
    const column = u.reader === "first" ? 1 : 3;
    add(u.type, column);
    if (u.severity !== "low") add(u.type, column + 1);
  }
  const disagreements = (r: number[]): number => (r[1] ?? 0) + (r[3] ?? 0) + (r[5] ?? 0);
  return [...rows]
    .sort(([ta, ra], [tb, rb]) => disagreements(rb) - disagreements(ra) || ta.localeCompare(tb))
    .map(([type, r]) => `| ${type} | ${r.join(" | ")} |`);
}

const s = severityAgreement(total.matched);
const report = [
  `# Reader agreement: ${SECOND} against ${FIRST}`,
  "",
  ...direction(
    "Second reader's high/medium labels scored against the first reader",
    (a) => a.secondAgainstFirst.counts,
  ),
  ...direction(
    "First reader's high/medium labels scored against the second reader",
    (a) => a.firstAgainstSecond.counts,
  ),
  "## Blocks with a finding (headings and link lines left out) and severity of the types both gave a block",
  "",
  "| document | blocks | both / first only / second only / neither | Cohen's kappa | same severity | same high/medium vs low |",
  "|---|---:|---:|---:|---:|---:|",
  ...[...perDocument].map(([name, a]) => agreementRow(name, a)),
  agreementRow("**both documents**", total),
  "",
  `Severity differences (first→second): ${
    Object.entries(s.differences)
      .sort(([, x], [, y]) => y - x)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ") || "none"
  }`,
  "",
  "## Types by disagreement (block × type)",
  "",
  "| type | both | first only | of which high/medium | second only | of which high/medium | both, severity differs |",
  "|---|---:|---:|---:|---:|---:|---:|",
  ...typeRows(total),
  "",
].join("\n");
console.log(report);

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(
  OUT,
  `${JSON.stringify(
    {
      first: FIRST,
      second: SECOND,
      documents: Object.fromEntries(
        [...perDocument].map(([name, a]) => [
          name,
          {
            secondAgainstFirst: readingFigures(a.secondAgainstFirst.counts),
            firstAgainstSecond: readingFigures(a.firstAgainstSecond.counts),
            anyFinding: a.anyFinding,
            kappa: cohensKappa(a.anyFinding),
            severity: severityAgreement(a.matched),
          },
        ]),
      ),
      total: {
        secondAgainstFirst: {
          counts: total.secondAgainstFirst.counts,
          figures: readingFigures(total.secondAgainstFirst.counts),
        },
        firstAgainstSecond: {
          counts: total.firstAgainstSecond.counts,
          figures: readingFigures(total.firstAgainstSecond.counts),
        },
        anyFinding: total.anyFinding,
        kappa: cohensKappa(total.anyFinding),
        severity: s,
      },
      matched: total.matched,
      unmatched: total.unmatched,
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${OUT}`);
