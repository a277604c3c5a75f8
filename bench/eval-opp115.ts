/**
 * OPP-115 (PLUE split) evaluation: in-domain (train on train.json, score valid.json) and zero-shot (the shipped
 * classifier through the taxonomy's opp115 mapping). OPP-115 is read from /work/shared for evaluation only;
 * nothing derived from it is written to the repository. Writes bench/out/eval-opp115.json.
 *
 * Run: node --import tsx bench/eval-opp115.ts [--data DIR] [--skip-zero-shot]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { argValue } from "../scripts/argv.js";
import type { EvalResult } from "../src/analysis/eval/index.js";
import { evalOpp115, OPP115_CONFIG } from "../src/analysis/eval/index.js";

const DATA = argValue("--data") ?? "/work/shared/datasets/opp115-plue";
const files = { train: join(DATA, "train.json"), test: join(DATA, "valid.json") };

function print(title: string, r: EvalResult, ms: number): void {
  console.log(
    `${title}: n=${r.n} macro-F1 ${r.macroF1.toFixed(4)} micro-F1 ${r.microF1.toFixed(4)} (${(ms / 1000).toFixed(1)} s)`,
  );
  for (const [label, m] of Object.entries(r.perLabel)) {
    console.log(
      `  ${label.padEnd(38)} P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)} support ${m.support}`,
    );
  }
}

let t = Date.now();
const inDomain = evalOpp115(files);
const inDomainMs = Date.now() - t;
print("OPP-115 in-domain (valid)", inDomain, inDomainMs);
let zeroShot: EvalResult | null = null;
let zeroShotMs = 0;
if (!process.argv.includes("--skip-zero-shot")) {
  t = Date.now();
  zeroShot = evalOpp115({ ...files, zeroShot: true });
  zeroShotMs = Date.now() - t;
  print("OPP-115 zero-shot (valid)", zeroShot, zeroShotMs);
}
mkdirSync("bench/out", { recursive: true });
writeFileSync(
  "bench/out/eval-opp115.json",
  `${JSON.stringify({ data: DATA, config: OPP115_CONFIG, inDomain, inDomainMs, zeroShot, zeroShotMs }, null, 2)}\n`,
);
