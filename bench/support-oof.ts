/**
 * The support split of bench/findings-support.ts on the training labels instead of a reading set: the shipped
 * model is trained as `npm run train` trains it, each labelled text gets its held-out (out-of-fold) probability
 * for each type, the type's fusion decides as at classification time, and predictions with confidence ≥ 0.5 are
 * counted right when the label holds the type. Pattern + model: the model alone would predict it and a pattern
 * fired; pattern needed: only the pattern gets it predicted; model only: no pattern fired. Not modelled: decisive
 * wording and the subject check of `classify`, and the fusion is scored on the rows it was fitted on (three
 * coefficients per type). A minute or two of CPU.
 *
 * Run: node --import tsx bench/support-oof.ts
 */
import { fitTypeFusion } from "../src/analysis/classify/fit-fusion.js";
import { decide, PATTERN_FLOOR } from "../src/analysis/classify/fusion.js";
import { SHIPPED_CONFIG, shippedTrainingSet } from "../src/analysis/classify/shipped-model.js";
import { fusionRows } from "../src/analysis/classify/train-clause-model.js";
import { trainTextModel } from "../src/analysis/classify/train-text-model.js";

const SHOWN = 0.5;
const BANDS = [0.5, 0.75, 0.9, 0.95, 1.01];

const set = shippedTrainingSet();
const { model, heldOut } = trainTextModel(set.examples, SHIPPED_CONFIG, { labels: set.labels });
if (!heldOut) throw new Error("the shipped configuration trains without folds: no held-out probabilities");

const bandName = (i: number): string => `model only, confidence ${BANDS[i - 1]}–${Math.min(1, BANDS[i]!)}`;
const ROWS = [
  "all shown",
  "pattern + model",
  "pattern needed",
  "model only",
  ...BANDS.slice(1).map((_, k) => bandName(k + 1)),
];
const tally = new Map(ROWS.map((name) => [name, { right: 0, shown: 0 }]));
function count(name: string, right: boolean): void {
  const t = tally.get(name)!;
  t.shown++;
  if (right) t.right++;
}

for (const type of set.types) {
  const j = set.labels.indexOf(type.id);
  if (j < 0) continue;
  const scorer = model.scorers[j]!;
  const rows = fusionRows(set.examples, heldOut[j]!, type, Number.isFinite(scorer.threshold), PATTERN_FLOOR);
  const fusion = fitTypeFusion(rows, 7 + j, PATTERN_FLOOR) ?? undefined;
  for (const row of rows) {
    const decision = decide({
      patternWeight: row.patternWeight,
      probability: row.probability,
      threshold: scorer.threshold,
      fusion,
    });
    if (!decision || decision.confidence < SHOWN) continue;
    const support =
      row.patternWeight === 0 ? "model only" : decision.patternNeeded ? "pattern needed" : "pattern + model";
    count("all shown", row.truth);
    count(support, row.truth);
    if (support !== "model only") continue;
    count(bandName(BANDS.findIndex((b) => decision.confidence < b)), row.truth);
  }
}

console.log(
  `type precision of predictions (confidence ≥ ${SHOWN}) by support, out of fold over the training labels`,
);
console.log(`| ${"support".padEnd(36)} | precision (right/shown) |`);
console.log(`|${"-".repeat(38)}|------------------------|`);
for (const [name, t] of tally) {
  const cell = `${(t.right / t.shown).toFixed(3)} (${t.right}/${t.shown})`;
  console.log(`| ${name.padEnd(36)} | ${cell.padEnd(22)} |`);
}
