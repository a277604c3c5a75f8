/** Per-label decision thresholds that maximise F1 on held-out scores. */

/** The threshold and the F1 it reached on the scores it was tuned on. */
export interface TunedThreshold {
  threshold: number;
  f1: number;
  precision: number;
  recall: number;
}

/**
 * Scans every cut point of the sorted held-out scores and keeps the one with the best F1; the threshold is the
 * midpoint between the last accepted and the first rejected score, so it does not sit on a training point.
 * Without any positive the threshold is +∞: the label is never predicted.
 */
export function tuneThreshold(scores: ArrayLike<number>, truth: ArrayLike<boolean>): TunedThreshold {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => scores[j]! - scores[i]!);
  let positives = 0;
  for (let i = 0; i < n; i++) if (truth[i]) positives++;
  if (positives === 0) return { threshold: Number.POSITIVE_INFINITY, f1: 0, precision: 0, recall: 0 };
  let best: TunedThreshold = { threshold: Number.POSITIVE_INFINITY, f1: 0, precision: 0, recall: 0 };
  let tp = 0;
  for (let k = 0; k < n; k++) {
    if (truth[order[k]!]) tp++;
    const here = scores[order[k]!]!;
    const next = k + 1 < n ? scores[order[k + 1]!]! : Number.NEGATIVE_INFINITY;
    if (next === here) continue; // cannot cut between equal scores
    const precision = tp / (k + 1);
    const recall = tp / positives;
    const f1 = tp === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    if (f1 > best.f1) {
      const threshold = Number.isFinite(next) ? (here + next) / 2 : here - 1e-9;
      best = { threshold, f1, precision, recall };
    }
  }
  return best;
}
