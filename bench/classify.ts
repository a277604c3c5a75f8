/**
 * Provision-analysis throughput on the latest version of every document of /work/shared/corpus/ota-contrib
 * (ODC-By 1.0, Open Terms Archive contributors), on this one process (one core): the issue-3 speed bar.
 *
 * Two passes are measured, each reading every file: `analyzeText` alone (language, segmentation, classification,
 * entities, grade: what `clausewatch analyze --json` prints), then `analyzeText` with the plain-language
 * explanation of every classification (rendered per page by the web app). Figures are per
 * CPU-second of this process (`process.cpuUsage`; wall time on a shared machine also counts other processes'
 * turns) and as a ratio to a pass that reads and SHA-256-hashes the same bytes, measured in the same run. Each
 * pass is the best of `--repeat` runs, after one untimed warm-up pass; model and taxonomy loading happen once, before,
 * and are reported apart.
 * A per-stage breakdown (each stage alone, on inputs prepared outside the timing) follows.
 *
 * Run: node --import tsx bench/classify.ts [--corpus DIR] [--limit N] [--repeat N]. Writes bench/out/classify.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { argValue } from "../scripts/argv.js";
import { classify, clearClassificationMemo, loadShippedModel } from "../src/analysis/classify/index.js";
import { extractEntities } from "../src/analysis/entities/index.js";
import { explain } from "../src/analysis/explain/index.js";
import { gradeDocument } from "../src/analysis/grade/index.js";
import { analyzeText, type DocumentAnalysis } from "../src/analysis/index.js";
import { detectLanguage } from "../src/analysis/language/index.js";
import { segment } from "../src/analysis/segment/index.js";
import { type ClauseType, loadTaxonomy } from "../src/knowledge/index.js";
import type { ClassifiedProvision, Provision } from "../src/model/index.js";
import { sha256Hex } from "../src/util/hash.js";
import { forgetRemembered } from "../src/util/memo.js";
import { latestVersions } from "./corpus.js";

const CORPUS = argValue("--corpus") ?? "/work/shared/corpus/ota-contrib";
const LIMIT = Number(argValue("--limit") ?? Number.POSITIVE_INFINITY);
const REPEAT = Number(argValue("--repeat") ?? 3);

const files = latestVersions(CORPUS)
  .slice(0, LIMIT)
  .map((r) => join(CORPUS, r.file));

/** CPU time of this process so far, in ms (user + system). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Best (lowest) CPU and wall time of `REPEAT` runs of `fn`. */
function measure(fn: () => void, repeat = REPEAT): { cpuMs: number; wallMs: number } {
  let cpu = Number.POSITIVE_INFINITY;
  let wall = Number.POSITIVE_INFINITY;
  for (let k = 0; k < repeat; k++) {
    const c = cpuMs();
    const t = performance.now();
    fn();
    wall = Math.min(wall, performance.now() - t);
    cpu = Math.min(cpu, cpuMs() - c);
  }
  return { cpuMs: cpu, wallMs: wall };
}

let t0 = cpuMs();
const taxonomy = loadTaxonomy();
const taxonomyCpuMs = cpuMs() - t0;
t0 = cpuMs();
const loaded = loadShippedModel();
const modelCpuMs = cpuMs() - t0;
const typeOf = new Map<string, ClauseType>(taxonomy.types.map((t) => [t.id, t]));

/** Explanations of every classification of an analysis; returns how many were written. */
function explainAll(analysis: Pick<DocumentAnalysis, "provisions" | "entities">): number {
  let n = 0;
  for (const p of analysis.provisions) {
    for (const c of p.clauses) {
      const type = typeOf.get(c.type);
      if (type) explain(c, type, analysis.entities, p);
      n++;
    }
  }
  return n;
}

// Baseline: read + SHA-256 of the same bytes. It is cheap, so it gets more runs to find its floor.
const baseline = measure(
  () => {
    for (const f of files) sha256Hex(readFileSync(f));
  },
  Math.max(REPEAT, 10),
);

/**
 * Each document is analysed as if it were the first: the analysis remembers provisions, statement readings and
 * key parts across calls (a document's next version reuses them), and this bench measures documents it has not
 * seen, not the passes before over the same documents.
 */
function forgetAll(): void {
  clearClassificationMemo();
  forgetRemembered();
}

function analyzeUnseen(file: string): DocumentAnalysis {
  forgetAll();
  return analyzeText(readFileSync(file, "utf8"));
}

// One untimed pass first: the first analyses of a process run while V8 is still compiling and tuning the analysis
// code (and the heap is still growing); measured first, a pass came out a third slower than the same pass measured
// second. The figures below are the steady state of a long-running process (an import, the server), like the
// model loading they leave out.
for (const f of files) explainAll(analyzeUnseen(f));

// Analysis alone: read and analyse.
const analysisOnly = measure(() => {
  for (const f of files) analyzeUnseen(f);
});

// Read, analyse, explain; the counts are taken here.
let provisions = 0;
let clauses = 0;
const bySource = { pattern: 0, model: 0, reviewer: 0 };
let grades: Record<string, number> = {};
const full = measure(() => {
  provisions = 0;
  clauses = 0;
  grades = {};
  for (const k of Object.keys(bySource) as (keyof typeof bySource)[]) bySource[k] = 0;
  for (const f of files) {
    const analysis = analyzeUnseen(f);
    provisions += analysis.provisions.length;
    clauses += explainAll(analysis);
    for (const p of analysis.provisions) for (const c of p.clauses) bySource[c.source]++;
    const g = analysis.grade?.grade ?? "none";
    grades[g] = (grades[g] ?? 0) + 1;
  }
});

// Per-stage breakdown, each stage on inputs prepared outside its timing.
const texts = files.map((f) => readFileSync(f, "utf8"));
const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
const segmented: Provision[][] = texts.map((t) => segment(t));
const classified: ClassifiedProvision[][] = texts.map((t, i) => classify(segmented[i]!, t));
const stages = {
  language: measure(() => {
    for (const t of texts) detectLanguage(t);
  }),
  segment: measure(() => {
    for (const t of texts) {
      forgetRemembered();
      segment(t);
    }
  }),
  classify: measure(() => {
    texts.forEach((t, i) => {
      forgetAll();
      classify(segmented[i]!, t, { taxonomy, model: loaded.model });
    });
  }),
  entities: measure(() => {
    texts.forEach((t, i) => {
      extractEntities(t, segmented[i]);
    });
  }),
  grade: measure(() => {
    for (const p of classified) if (p.length > 0) gradeDocument(p, "privacy");
  }),
  // One run, each document's explanations right after its entities are extracted (untimed), as in the product:
  // explanations reuse the reading of provisions and sentences that entity extraction just did, and keep each
  // provision's facts while the provision object lives (a second run over the same objects would measure that).
  explain: (() => {
    const total = { cpuMs: 0, wallMs: 0 };
    classified.forEach((p, i) => {
      const documentEntities = extractEntities(texts[i]!, segmented[i]);
      const c = cpuMs();
      const t = performance.now();
      explainAll({ provisions: p, entities: documentEntities });
      total.wallMs += performance.now() - t;
      total.cpuMs += cpuMs() - c;
    });
    return total;
  })(),
};

const perCpuSec = (ms: number) => (files.length / ms) * 1000;
const pass = (m: { cpuMs: number; wallMs: number }) => ({
  ...m,
  docsPerCpuSec: perCpuSec(m.cpuMs),
  docsPerWallSec: perCpuSec(m.wallMs),
  msPerDoc: m.cpuMs / files.length,
  ratioToBaselineCpu: m.cpuMs / baseline.cpuMs,
});
const result = {
  corpus: CORPUS,
  documents: files.length,
  provisions,
  classifications: clauses,
  megabytes: bytes / 1e6,
  model: {
    origin: loaded.origin,
    stale: loaded.stale,
    loadCpuMs: modelCpuMs,
    features: loaded.model.vectorizer.size,
  },
  taxonomyLoadCpuMs: taxonomyCpuMs,
  baseline: { ...baseline, docsPerCpuSec: perCpuSec(baseline.cpuMs) },
  analysis: pass(analysisOnly),
  analysisWithExplanations: pass(full),
  stages: Object.fromEntries(
    Object.entries(stages).map(([k, v]) => [
      k,
      { ...v, msPerDoc: v.cpuMs / files.length, shareOfAnalysis: v.cpuMs / full.cpuMs },
    ]),
  ),
  clauses: { total: clauses, perProvision: clauses / provisions, bySource },
  grades,
};
mkdirSync("bench/out", { recursive: true });
writeFileSync("bench/out/classify.json", `${JSON.stringify(result, null, 2)}\n`);

const f1 = (x: number) => x.toFixed(1);
console.log(
  `analysis: ${files.length} documents (latest versions), ${provisions} provisions, ${clauses} classifications, ${f1(result.megabytes)} MB`,
);
console.log(
  `model ${loaded.origin}${loaded.stale ? " (stale)" : ""} loaded in ${f1(modelCpuMs)} CPU-ms; taxonomy ${f1(taxonomyCpuMs)} CPU-ms (once per process, not counted below)`,
);
console.log(`read + SHA-256 baseline: ${f1(result.baseline.docsPerCpuSec)} docs per CPU-second`);
for (const [label, row] of [
  ["analysis (analyzeText)", result.analysis],
  ["analysis + explanations", result.analysisWithExplanations],
] as const) {
  console.log(
    `${label.padEnd(24)} ${f1(row.docsPerCpuSec).padStart(6)} docs per CPU-second (${f1(row.msPerDoc)} CPU-ms/doc, ${f1(row.docsPerWallSec)} docs/s wall), ${f1(row.ratioToBaselineCpu)}× baseline CPU time — issue 11's bar ≥ 40 docs per CPU-second: ${row.docsPerCpuSec >= 40 ? "met" : "NOT met"} (issue 3's ≥ 50: ${row.docsPerCpuSec >= 50 ? "met" : "not met"})`,
  );
}
for (const [name, s] of Object.entries(result.stages)) {
  console.log(
    `  ${name.padEnd(9)} ${f1(s.msPerDoc).padStart(6)} CPU-ms/doc  ${(100 * s.shareOfAnalysis).toFixed(0).padStart(3)}%`,
  );
}
console.log(
  `clauses: ${clauses} (${result.clauses.perProvision.toFixed(2)}/provision) ${JSON.stringify(bySource)}`,
);
