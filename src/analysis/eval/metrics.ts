/** Multi-label precision, recall and F1, per label and averaged. */

/** Scores of one label. */
export interface LabelMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** Examples that truly carry the label. */
  support: number;
}

/** The shape every evaluation returns. */
export interface EvalResult {
  /** Examples scored. */
  n: number;
  /** Unweighted mean of the per-label F1. */
  macroF1: number;
  /** F1 of the pooled true/false positives and negatives of all labels. */
  microF1: number;
  perLabel: Record<string, LabelMetrics>;
}

function f1Of(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Scores predictions against the truth. Per-label F1 is 0 when a label is neither present nor predicted,
 * as in scikit-learn, so callers should pass only labels they mean to average over.
 */
export function multiLabelMetrics(
  truth: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
  labels: readonly string[],
): EvalResult {
  const perLabel: Record<string, LabelMetrics> = {};
  let tpAll = 0;
  let fpAll = 0;
  let fnAll = 0;
  let macro = 0;
  for (const label of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    truth.forEach((t, i) => {
      const isTrue = t.includes(label);
      const isPredicted = predicted[i]!.includes(label);
      if (isTrue && isPredicted) tp++;
      else if (isPredicted) fp++;
      else if (isTrue) fn++;
    });
    tpAll += tp;
    fpAll += fp;
    fnAll += fn;
    const m = f1Of(tp, fp, fn);
    perLabel[label] = { ...m, support: tp + fn };
    macro += m.f1;
  }
  return {
    n: truth.length,
    macroF1: labels.length === 0 ? 0 : macro / labels.length,
    microF1: f1Of(tpAll, fpAll, fnAll).f1,
    perLabel,
  };
}
