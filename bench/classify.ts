/**
 * Clause-classification throughput on the latest version of every document of /work/shared/corpus/ota-contrib
 * (ODC-By 1.0, Open Terms Archive contributors), on this one process (one core).
 *
 * Reports documents/s for classification alone (provisions already segmented, the "segment-free" figure) and
 * for segmentation + classification, with the ratio to a plain pass that reads and SHA-256-hashes the same
 * bytes in the same run. Writes bench/out/classify.json.
 *
 * Run: node --import tsx bench/classify.ts [--corpus DIR] [--limit N] [--repeat N]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { classify, loadShippedModel } from "../src/analysis/classify/index.js";
import { segment } from "../src/analysis/segment/index.js";
import { loadTaxonomy } from "../src/knowledge/index.js";
import type { Provision } from "../src/model/index.js";
import { sha256Hex } from "../src/util/hash.js";

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const CORPUS = argValue("--corpus") ?? "/work/shared/corpus/ota-contrib";
const LIMIT = Number(argValue("--limit") ?? Number.POSITIVE_INFINITY);
const REPEAT = Number(argValue("--repeat") ?? 3);

interface ManifestRow {
  service: string;
  termsType: string;
  date: string;
  file: string;
}

const latest = new Map<string, ManifestRow>();
for (const line of readFileSync(join(CORPUS, "manifest.jsonl"), "utf8").split("\n")) {
  if (!line.trim()) continue;
  const row = JSON.parse(line) as ManifestRow;
  const key = `${row.service}/${row.termsType}`;
  if (!latest.has(key) || latest.get(key)!.date < row.date) latest.set(key, row);
}
const files = [...latest.values()]
  .sort((a, b) => a.file.localeCompare(b.file))
  .slice(0, LIMIT)
  .map((r) => join(CORPUS, r.file));

// Baseline: read + SHA-256 of the same bytes (best of REPEAT, like the measured passes).
function baseline(): number {
  const t = performance.now();
  for (const f of files) sha256Hex(readFileSync(f));
  return performance.now() - t;
}

let t0 = performance.now();
const taxonomy = loadTaxonomy();
const taxonomyMs = performance.now() - t0;
t0 = performance.now();
const loaded = loadShippedModel();
const modelMs = performance.now() - t0;

const texts = files.map((f) => readFileSync(f, "utf8"));
const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
const provisionsOf: Provision[][] = texts.map((t) => segment(t));

const best = (fn: () => number) => Math.min(...Array.from({ length: REPEAT }, fn));
// CPU time of this process, in ms: on a shared machine wall time also counts other processes' turns.
const cpuMs = () => process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000;
let classifyCpuMs = Number.POSITIVE_INFINITY;
const baselineMs = best(baseline);
const segmentMs = best(() => {
  const t = performance.now();
  for (const text of texts) segment(text);
  return performance.now() - t;
});
const perDoc: number[] = [];
let clauses = 0;
const bySource = { pattern: 0, model: 0, reviewer: 0 };
const byLevel = { High: 0, Medium: 0, Low: 0 };
const classifyMs = best(() => {
  perDoc.length = 0;
  clauses = 0;
  for (const k of Object.keys(bySource) as (keyof typeof bySource)[]) bySource[k] = 0;
  for (const k of Object.keys(byLevel) as (keyof typeof byLevel)[]) byLevel[k] = 0;
  const t = performance.now();
  const c = cpuMs();
  texts.forEach((text, i) => {
    const d = performance.now();
    const out = classify(provisionsOf[i]!, text, { taxonomy, model: loaded.model });
    perDoc.push(performance.now() - d);
    for (const p of out) {
      for (const c of p.clauses) {
        clauses++;
        bySource[c.source]++;
        byLevel[c.confidenceLevel]++;
      }
    }
  });
  classifyCpuMs = Math.min(classifyCpuMs, cpuMs() - c);
  return performance.now() - t;
});

const provisions = provisionsOf.reduce((s, p) => s + p.length, 0);
const sorted = [...perDoc].sort((a, b) => a - b);
const pct = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const docsPerSec = (ms: number) => (files.length / ms) * 1000;
const result = {
  corpus: CORPUS,
  documents: files.length,
  provisions,
  megabytes: bytes / 1e6,
  model: {
    origin: loaded.origin,
    stale: loaded.stale,
    loadMs: modelMs,
    features: loaded.model.vectorizer.size,
  },
  taxonomyLoadMs: taxonomyMs,
  baseline: { ms: baselineMs, docsPerSec: docsPerSec(baselineMs) },
  classify: {
    ms: classifyMs,
    docsPerSec: docsPerSec(classifyMs),
    provisionsPerSec: (provisions / classifyMs) * 1000,
    msPerDoc: { p50: pct(0.5), p95: pct(0.95), max: sorted.at(-1) ?? 0 },
    ratioToBaseline: classifyMs / baselineMs,
    cpuMs: classifyCpuMs,
    docsPerCpuSec: docsPerSec(classifyCpuMs),
  },
  segmentAndClassify: {
    ms: segmentMs + classifyMs,
    docsPerSec: docsPerSec(segmentMs + classifyMs),
    ratioToBaseline: (segmentMs + classifyMs) / baselineMs,
  },
  clauses: { total: clauses, perProvision: clauses / provisions, bySource, byLevel },
};
mkdirSync("bench/out", { recursive: true });
writeFileSync("bench/out/classify.json", `${JSON.stringify(result, null, 2)}\n`);
const f = (x: number) => x.toFixed(1);
console.log(`classify: ${files.length} documents, ${provisions} provisions, ${f(result.megabytes)} MB`);
console.log(
  `model ${loaded.origin}${loaded.stale ? " (stale)" : ""} loaded in ${f(modelMs)} ms; taxonomy ${f(taxonomyMs)} ms`,
);
console.log(`read+SHA-256 baseline: ${f(result.baseline.docsPerSec)} docs/s`);
console.log(
  `classify only: ${f(result.classify.docsPerSec)} docs/s (p50 ${f(pct(0.5))} ms, p95 ${f(pct(0.95))} ms per doc), ${f(result.classify.ratioToBaseline)}× baseline time`,
);
console.log(`classify only, CPU time: ${f(result.classify.docsPerCpuSec)} docs per CPU second`);
console.log(
  `segment + classify: ${f(result.segmentAndClassify.docsPerSec)} docs/s, ${f(result.segmentAndClassify.ratioToBaseline)}× baseline time`,
);
console.log(
  `clauses: ${clauses} (${result.clauses.perProvision.toFixed(2)}/provision) ${JSON.stringify(bySource)} ${JSON.stringify(byLevel)}`,
);
