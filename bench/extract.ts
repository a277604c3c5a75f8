/**
 * Benchmark of the extract stage over the 200 Open Terms Archive demo snapshots.
 *
 *   node --expose-gc --import tsx bench/extract.ts [corpus-dir]
 *
 * Measures documents/s and MB/s of `extract` with each file's declaration, against a baseline pass that
 * only reads and SHA-256-hashes the same bytes, both per wall-clock second and per CPU second (the
 * latter holds when other processes share the cores); heap before/after; failures with reasons; and fidelity
 * to OTA's own Markdown: the share of OTA's words (as a multiset) found in ours (recall) and of ours
 * found in OTA's (precision). A second pass without declarations measures main-content detection.
 * Prints a table and writes bench/out/extract.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type ExtractInput, extract } from "../src/archive/extract/index.js";
import type { RangeSelector } from "../src/model/archive.js";
import { sha256Hex } from "../src/util/hash.js";

interface CorpusDocument {
  file: string;
  bytes: number;
  service: string;
  termsType: string;
  location: string;
  declaration: {
    select?: string | Array<string | RangeSelector>;
    remove?: string | Array<string | RangeSelector>;
  };
  otaVersionFile: string;
}

interface DocumentRow {
  file: string;
  group: string;
  ok: boolean;
  error?: string;
  method?: string;
  warnings?: string[];
  recall?: number;
  precision?: number;
  autoRecall?: number;
  autoPrecision?: number;
}

const corpusDir = process.argv[2] ?? "/work/shared/corpus/ota-demo-snapshots";
const documents: CorpusDocument[] = JSON.parse(readFileSync(join(corpusDir, "index.json"), "utf8")).documents;
const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});
const hasGc = typeof (globalThis as { gc?: unknown }).gc === "function";

function words(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Share of `reference`'s words (with multiplicity) that `candidate` also has. */
function coverage(reference: Map<string, number>, candidate: Map<string, number>): number {
  let total = 0;
  let found = 0;
  for (const [word, n] of reference) {
    total += n;
    found += Math.min(n, candidate.get(word) ?? 0);
  }
  return total === 0 ? 1 : found / total;
}

function input(doc: CorpusDocument, bytes: Uint8Array, withDeclaration: boolean): ExtractInput {
  return {
    bytes,
    mimeType: "text/html",
    url: doc.location,
    ...(withDeclaration ? { select: doc.declaration.select, remove: doc.declaration.remove } : {}),
  };
}

interface Timing {
  /** Wall-clock seconds. */
  seconds: number;
  /** CPU seconds of the process (user + system): robust to other processes competing for the cores. */
  cpuSeconds: number;
}

function cpuSeconds(since?: NodeJS.CpuUsage): number {
  const usage = process.cpuUsage(since);
  return (usage.user + usage.system) / 1e6;
}

function baselinePass(): Timing {
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (const doc of documents) sha256Hex(readFileSync(join(corpusDir, doc.file)));
  return { seconds: (performance.now() - start) / 1000, cpuSeconds: cpuSeconds(cpu) };
}

async function extractPass(rows: DocumentRow[], withDeclaration: boolean) {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const heapSamples: number[] = [];
  let seconds = 0;
  let cpu = 0;
  for (const [i, doc] of documents.entries()) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const bytes = readFileSync(join(corpusDir, doc.file));
    let markdown: string | null = null;
    const row = rows[i]!;
    try {
      const result = await extract(input(doc, bytes, withDeclaration));
      markdown = result.markdown;
      if (withDeclaration) {
        row.method = result.method;
        row.warnings = result.warnings;
      }
    } catch (error) {
      if (withDeclaration) {
        row.ok = false;
        row.error = `${(error as Error).name}: ${(error as Error).message}`;
      }
    }
    seconds += (performance.now() - start) / 1000;
    cpu += cpuSeconds(cpuStart);
    if (markdown !== null) {
      const ota = words(readFileSync(join(corpusDir, doc.otaVersionFile), "utf8"));
      const ours = words(markdown);
      if (withDeclaration) {
        row.recall = coverage(ota, ours);
        row.precision = coverage(ours, ota);
      } else {
        row.autoRecall = coverage(ota, ours);
        row.autoPrecision = coverage(ours, ota);
      }
    }
    if ((i + 1) % 50 === 0) {
      gc();
      heapSamples.push(process.memoryUsage().heapUsed);
    }
  }
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  return { seconds, cpuSeconds: cpu, heapBefore, heapAfter, heapSamples };
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  const median =
    sorted.length === 0
      ? 0
      : (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
  return { mean, median, atLeast95: sorted.filter((v) => v >= 0.95).length, n: sorted.length };
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

const totalBytes = documents.reduce((n, d) => n + d.bytes, 0);
const rows: DocumentRow[] = documents.map((d) => ({
  file: d.file,
  group: `${d.service} / ${d.termsType}`,
  ok: true,
}));

baselinePass(); // warm the page cache so that both passes read from memory
const baseline = baselinePass();
const declared = await extractPass(rows, true);
const auto = await extractPass(rows, false);

const docsPerSecond = documents.length / declared.seconds;
const docsPerCpuSecond = documents.length / declared.cpuSeconds;
const failures = rows.filter((r) => !r.ok);
const recall = stats(rows.flatMap((r) => (r.recall === undefined ? [] : [r.recall])));
const precision = stats(rows.flatMap((r) => (r.precision === undefined ? [] : [r.precision])));
const autoRecall = stats(rows.flatMap((r) => (r.autoRecall === undefined ? [] : [r.autoRecall])));
const autoPrecision = stats(rows.flatMap((r) => (r.autoPrecision === undefined ? [] : [r.autoPrecision])));

console.log(
  `extract benchmark: ${documents.length} documents, ${mb(totalBytes)} MB${hasGc ? "" : " (run with --expose-gc for exact heap figures)"}`,
);
console.log("");
console.log("pass                        wall s   docs/s     MB/s    CPU s  docs/CPU-s  MB/CPU-s");
const megabytes = totalBytes / 1024 / 1024;
const line = (name: string, t: Timing) =>
  console.log(
    [
      name.padEnd(27),
      t.seconds.toFixed(2).padStart(6),
      (documents.length / t.seconds).toFixed(1).padStart(8),
      (megabytes / t.seconds).toFixed(1).padStart(8),
      t.cpuSeconds.toFixed(2).padStart(8),
      (documents.length / t.cpuSeconds).toFixed(1).padStart(11),
      (megabytes / t.cpuSeconds).toFixed(1).padStart(9),
    ].join(" "),
  );
line("read + SHA-256 (baseline)", baseline);
line("extract, declared selectors", declared);
line("extract, main-content only", auto);
console.log(
  `ratio extract / baseline: ${(declared.seconds / baseline.seconds).toFixed(1)}× wall, ${(declared.cpuSeconds / baseline.cpuSeconds).toFixed(1)}× CPU`,
);
console.log("");
const growth = (declared.heapAfter - declared.heapBefore) / documents.length;
console.log(
  `heap: ${mb(declared.heapBefore)} MB before, ${mb(declared.heapAfter)} MB after (every 50 docs: ${declared.heapSamples.map(mb).join(", ")} MB), growth ${(growth / 1024).toFixed(1)} KB/document`,
);
console.log(`failures: ${failures.length}`);
for (const f of failures) console.log(`  ${f.file}: ${f.error}`);
const fellBack = rows.filter((r) => r.method === "main-content");
console.log(`declared selection fell back to main content: ${fellBack.length}`);
console.log("");
console.log("fidelity to OTA's Markdown   mean   median   docs ≥ 95%");
const fid = (name: string, s: ReturnType<typeof stats>) =>
  console.log(
    `${name.padEnd(26)} ${pct(s.mean).padStart(7)} ${pct(s.median).padStart(8)}   ${s.atLeast95}/${s.n}`,
  );
fid("recall, declared", recall);
fid("precision, declared", precision);
fid("recall, main-content", autoRecall);
fid("precision, main-content", autoPrecision);
console.log("");
console.log("by document                                   recall  precision  auto-recall  auto-precision");
const groups = [...new Set(rows.map((r) => r.group))];
for (const group of groups) {
  const members = rows.filter((r) => r.group === group);
  const mean = (pick: (r: DocumentRow) => number | undefined) => {
    const values = members.flatMap((r) => (pick(r) === undefined ? [] : [pick(r)!]));
    return values.length === 0 ? "-" : pct(values.reduce((a, b) => a + b, 0) / values.length);
  };
  console.log(
    `${group.padEnd(44)} ${mean((r) => r.recall).padStart(7)} ${mean((r) => r.precision).padStart(10)} ${mean((r) => r.autoRecall).padStart(12)} ${mean((r) => r.autoPrecision).padStart(15)}`,
  );
}

const out = {
  documents: documents.length,
  megabytes,
  baseline: { ...baseline, docsPerSecond: documents.length / baseline.seconds },
  extract: {
    seconds: declared.seconds,
    cpuSeconds: declared.cpuSeconds,
    docsPerSecond,
    docsPerCpuSecond,
    mbPerSecond: megabytes / declared.seconds,
  },
  extractMainContent: {
    seconds: auto.seconds,
    cpuSeconds: auto.cpuSeconds,
    docsPerSecond: documents.length / auto.seconds,
    docsPerCpuSecond: documents.length / auto.cpuSeconds,
  },
  ratioToBaseline: {
    wall: declared.seconds / baseline.seconds,
    cpu: declared.cpuSeconds / baseline.cpuSeconds,
  },
  heap: {
    before: declared.heapBefore,
    after: declared.heapAfter,
    samples: declared.heapSamples,
    growthPerDocument: growth,
    exact: hasGc,
  },
  failures: failures.map((f) => ({ file: f.file, error: f.error })),
  fellBackToMainContent: fellBack.map((r) => ({ file: r.file, warnings: r.warnings })),
  fidelity: { recall, precision, mainContentRecall: autoRecall, mainContentPrecision: autoPrecision },
  rows,
};
mkdirSync("bench/out", { recursive: true });
writeFileSync("bench/out/extract.json", `${JSON.stringify(out, null, 2)}\n`);
console.log("\nwrote bench/out/extract.json");
