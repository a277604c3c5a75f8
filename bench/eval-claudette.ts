/**
 * CLAUDETTE evaluation: sentence-level detection of the eight unfair-term categories, document-grouped 10-fold
 * cross-validation. Main figure: levels 2–3 (the unfair class); with --any-level also levels 1–3 (clause-type
 * detection whatever its fairness). Writes bench/out/eval-claudette.json.
 *
 * Run: node --import tsx bench/eval-claudette.ts [--data DIR] [--folds N] [--any-level]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { argValue } from "../scripts/argv.js";
import { CLAUDETTE_CONFIG, type EvalResult, evalClaudette } from "../src/analysis/eval/index.js";

const DATA = argValue("--data") ?? "/work/shared/datasets/claudette-en";
const FOLDS = Number(argValue("--folds") ?? 10);

function run(title: string, levels: number[]): { result: EvalResult; ms: number } {
  const t = Date.now();
  const result = evalClaudette({ train: DATA, folds: FOLDS, levels });
  const ms = Date.now() - t;
  console.log(
    `${title}: n=${result.n} macro-F1 ${result.macroF1.toFixed(4)} micro-F1 ${result.microF1.toFixed(4)} (${(ms / 1000).toFixed(1)} s)`,
  );
  for (const [label, m] of Object.entries(result.perLabel)) {
    console.log(
      `  ${label.padEnd(4)} P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)} support ${m.support}`,
    );
  }
  return { result, ms };
}

const unfair = run(`CLAUDETTE unfair (levels 2-3), ${FOLDS}-fold by document`, [2, 3]);
const anyLevel = process.argv.includes("--any-level")
  ? run(`CLAUDETTE clause types (levels 1-3), ${FOLDS}-fold by document`, [1, 2, 3])
  : null;
mkdirSync("bench/out", { recursive: true });
writeFileSync(
  "bench/out/eval-claudette.json",
  `${JSON.stringify({ data: DATA, folds: FOLDS, config: CLAUDETTE_CONFIG, unfair, anyLevel }, null, 2)}\n`,
);
