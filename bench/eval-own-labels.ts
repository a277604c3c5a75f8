/**
 * The full classifier (taxonomy patterns + text model) on our own labels, cross-validated by platform, with
 * each component alone for comparison. Writes bench/out/eval-own-labels.json.
 *
 * Run: node --import tsx bench/eval-own-labels.ts [--folds N]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { argValue } from "../scripts/argv.js";
import { evalOwnLabels } from "../src/analysis/eval/index.js";

const t = Date.now();
const r = evalOwnLabels({
  folds: Number(argValue("--folds") ?? 5),
  onFold: (done, total) => console.log(`fold ${done}/${total} (${((Date.now() - t) / 1000).toFixed(0)} s)`),
});
const s = (e: { macroF1: number; microF1: number }) =>
  `macro-F1 ${e.macroF1.toFixed(4)} micro-F1 ${e.microF1.toFixed(4)}`;
console.log(`own labels: n=${r.n}, ${Object.keys(r.perLabel).length} clause types`);
console.log(`  classifier     ${s(r)}`);
console.log(`  model alone    ${s(r.components.model)}`);
console.log(`  patterns alone ${s(r.components.patterns)}`);
console.log(`  polarity accuracy ${r.polarity.accuracy.toFixed(3)} over ${r.polarity.n} provisions`);
for (const [type, m] of Object.entries(r.perLabel)) {
  const model = r.components.model.perLabel[type]!;
  const patterns = r.components.patterns.perLabel[type]!;
  console.log(
    `  ${type.padEnd(32)} P ${m.precision.toFixed(2)} R ${m.recall.toFixed(2)} F1 ${m.f1.toFixed(2)} n ${m.support}  | model ${model.f1.toFixed(2)} patterns ${patterns.f1.toFixed(2)}`,
  );
}
mkdirSync("bench/out", { recursive: true });
writeFileSync("bench/out/eval-own-labels.json", `${JSON.stringify({ ms: Date.now() - t, ...r }, null, 2)}\n`);
