/** Learning, per clause type, how much to trust the taxonomy's patterns against the text model. */
import type { SolverOptions } from "./binary-problem.js";
import { sigmoid } from "./calibration.js";
import { groupedFolds, splitFold } from "./folds.js";
import { modelFeature, PATTERN_FLOOR, type TypeFusion } from "./fusion.js";
import { trainLogistic } from "./logistic.js";
import { seededRandom } from "./random.js";
import { toMatrix } from "./sparse.js";
import { tuneThreshold } from "./thresholds.js";

/**
 * One labelled text seen from one clause type: held-out model probability, strongest pattern (0 when the
 * patterns were not run because the probability is below the pattern floor, as at classification time), truth.
 */
export interface FusionRow {
  /** Held-out probability (the model never saw the row), or null when the type is not modelled. */
  probability: number | null;
  patternWeight: number;
  truth: boolean;
  group: string;
}

const FOLDS = 5;
const C = 1;

/** A three-feature logistic regression, coefficients kept non-negative (evidence can only raise confidence). */
function fit(rows: readonly FusionRow[], picked: ArrayLike<number>, seed: number, floor: number): TypeFusion {
  const vectors = Array.from({ length: picked.length }, (_, k) => {
    const r = rows[picked[k]!]!;
    return {
      indices: Int32Array.of(0, 1, 2),
      values: Float64Array.of(modelFeature(r.probability), r.patternWeight, r.patternWeight > 0 ? 1 : 0),
    };
  });
  const n = picked.length;
  const y = Int8Array.from({ length: n }, (_, k) => (rows[picked[k]!]!.truth ? 1 : -1));
  // No class weighting: the fused probability is shown as the confidence, so it must stay calibrated; the
  // tuned threshold takes care of the imbalance.
  const cost = new Float64Array(n).fill(C);
  const options: SolverOptions = { eps: 0.001, maxIter: 300, random: seededRandom(seed) };
  const w = trainLogistic({ x: toMatrix(vectors, 3), y, cost, bias: 1 }, options);
  return {
    model: Math.max(0, w[0]!),
    pattern: Math.max(0, w[1]!),
    hit: Math.max(0, w[2]!),
    intercept: w[3]!,
    threshold: 0.5,
    floor,
  };
}

function score(f: TypeFusion, r: FusionRow): number {
  return sigmoid(
    f.model * modelFeature(r.probability) +
      f.pattern * r.patternWeight +
      f.hit * (r.patternWeight > 0 ? 1 : 0) +
      f.intercept,
  );
}

/**
 * Fits the fusion of one clause type and tunes its threshold on held-out folds (grouped like the model's).
 * @param floor the pattern floor the rows were built with, recorded in the result
 * @returns null when there are fewer than 3 positive rows: the fixed rule is then used
 */
export function fitTypeFusion(
  rows: readonly FusionRow[],
  seed: number,
  floor = PATTERN_FLOOR,
): TypeFusion | null {
  const positives = rows.filter((r) => r.truth).length;
  if (positives < 3 || positives === rows.length) return null;
  const folds = groupedFolds(
    rows.map((r) => r.group),
    FOLDS,
    seed,
  );
  const heldOut = new Float64Array(rows.length);
  for (let f = 0; f < FOLDS; f++) {
    const split = splitFold(folds, f);
    if (split.test.length === 0 || split.train.length === 0) continue;
    const fusion = fit(rows, split.train, seed + f, floor);
    for (const i of split.test) heldOut[i] = score(fusion, rows[i]!);
  }
  const tuned = tuneThreshold(
    heldOut,
    rows.map((r) => r.truth),
  );
  if (!Number.isFinite(tuned.threshold)) return null;
  const all = Int32Array.from(rows.keys());
  return { ...fit(rows, all, seed + FOLDS, floor), threshold: tuned.threshold };
}
