/** Fold assignment for cross-validation, grouped so that one document never sits on both sides. */
import { type Random, seededRandom } from "./random.js";

/**
 * Assigns each row to one of `k` folds so that rows sharing a group share a fold. Groups are shuffled with the
 * seed, then placed largest first into the currently smallest fold, which keeps folds balanced in rows.
 * @param groups one group key per row (use the row index for ungrouped data)
 * @returns fold number per row, in [0, k)
 */
export function groupedFolds(groups: readonly string[], k: number, seed: number): Int32Array {
  const sizes = new Map<string, number>();
  for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  const random: Random = seededRandom(seed);
  const keyed = [...sizes].map(([g, n]) => ({ g, n, tie: random() }));
  keyed.sort((a, b) => b.n - a.n || a.tie - b.tie);
  const foldSize = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const { g, n } of keyed) {
    let best = 0;
    for (let f = 1; f < k; f++) if (foldSize[f]! < foldSize[best]!) best = f;
    foldOf.set(g, best);
    foldSize[best] = foldSize[best]! + n;
  }
  return Int32Array.from(groups, (g) => foldOf.get(g)!);
}

/** Row indices inside and outside fold `f`. */
export function splitFold(folds: Int32Array, f: number): { train: Int32Array; test: Int32Array } {
  const train: number[] = [];
  const test: number[] = [];
  folds.forEach((fold, i) => {
    (fold === f ? test : train).push(i);
  });
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}
