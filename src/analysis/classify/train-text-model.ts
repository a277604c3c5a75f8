/**
 * Training of the multi-label text model: one-vs-rest linear learners (logistic regression and/or linear SVM),
 * calibrated and thresholded on held-out folds, merged into one linear scorer per label.
 */
import type { BinaryProblem, LinearWeights, SolverOptions } from "./binary-problem.js";
import { fitPlatt, sigmoid } from "./calibration.js";
import { TrainingDataError } from "./errors.js";
import { groupedFolds, splitFold } from "./folds.js";
import { trainLogistic } from "./logistic.js";
import { seededRandom } from "./random.js";
import { type SparseMatrix, selectRows, toMatrix } from "./sparse.js";
import { trainSvm } from "./svm.js";
import { type LabelScorer, TextModel, type TrainingProvenance } from "./text-model.js";
import { tuneThreshold } from "./thresholds.js";
import { TfidfVectorizer, type VectorizerConfig } from "./vectorizer.js";

/** A training text with its labels. */
export interface Example {
  text: string;
  labels: readonly string[];
  /**
   * Labels this example was annotated for; absent means all. A CLAUDETTE sentence only says whether it is an
   * arbitration clause, not whether it licenses user content, so it must not count as a negative for that.
   */
  known?: readonly string[];
  /** Examples of one group (document, platform) stay in one fold. */
  group?: string;
}

export type LearnerKind = "logistic" | "svm";

/** Everything that decides how a model is trained. */
export interface TrainConfig {
  vectorizer: VectorizerConfig;
  /** Learners to ensemble; their calibrated logits are averaged. */
  learners: LearnerKind[];
  /** Inverse regularisation strength per learner. */
  c: Record<LearnerKind, number>;
  /** Class weight exponent: 0 none, 1 scikit-learn's "balanced", 0.5 in between. */
  classWeightPower: number;
  /** Held-out folds for calibration and thresholds; below 2, thresholds stay at 0.5 and no calibration. */
  folds: number;
  /** Labels with fewer positive examples get no scorer. */
  minPositives: number;
  seed: number;
  eps: number;
  maxIter: number;
}

/** A sound default: word 1–2-grams, logistic regression + SVM, 5 folds. */
export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  vectorizer: { wordNgrams: [1, 2], charNgrams: null, minDf: 2, sublinearTf: true, charWeight: 1 },
  learners: ["logistic", "svm"],
  c: { logistic: 8, svm: 0.5 },
  classWeightPower: 0.5,
  folds: 5,
  minPositives: 3,
  seed: 1,
  eps: 0.01,
  maxIter: 60,
};

/** What training reports besides the model. */
export interface TrainReport {
  model: TextModel;
  /** Held-out probability per example and label (NaN where the label is unknown or not modelled). */
  heldOut: Float64Array[] | null;
}

const LEARNERS: Record<LearnerKind, (p: BinaryProblem, o: SolverOptions) => LinearWeights> = {
  logistic: trainLogistic,
  svm: trainSvm,
};

/** Trains one label with every learner on `x`; returns one weight vector per learner. */
function fitLabel(
  x: SparseMatrix,
  y: Int8Array,
  known: Uint8Array,
  config: TrainConfig,
  seed: number,
): LinearWeights[] {
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < y.length; i++) {
    if (!known[i]) continue;
    if (y[i]! > 0) pos++;
    else neg++;
  }
  const n = pos + neg;
  const wPos = (n / (2 * Math.max(pos, 1))) ** config.classWeightPower;
  const wNeg = (n / (2 * Math.max(neg, 1))) ** config.classWeightPower;
  return config.learners.map((kind, k) => {
    const c = config.c[kind];
    const cost = Float64Array.from(y, (v, i) => (known[i] ? c * (v > 0 ? wPos : wNeg) : 0));
    const options: SolverOptions = {
      eps: config.eps,
      maxIter: config.maxIter,
      random: seededRandom(seed + k),
    };
    return LEARNERS[kind]({ x, y, cost, bias: 1 }, options);
  });
}

function marginOf(x: SparseMatrix, r: number, w: LinearWeights): number {
  let s = w[x.cols]!;
  for (let k = x.rowPtr[r]!; k < x.rowPtr[r + 1]!; k++) s += x.values[k]! * w[x.colIdx[k]!]!;
  return s;
}

/**
 * Trains a model.
 * @param labels the label set, in output order; defaults to every label seen, sorted
 * @throws TrainingDataError when there is no example
 */
export function trainTextModel(
  examples: readonly Example[],
  config: TrainConfig = DEFAULT_TRAIN_CONFIG,
  options: { labels?: readonly string[]; provenance?: TrainingProvenance } = {},
): TrainReport {
  if (examples.length === 0) throw new TrainingDataError("no training example");
  const labels = options.labels
    ? [...options.labels]
    : [...new Set(examples.flatMap((e) => e.labels))].sort();
  const vectorizer = TfidfVectorizer.fit(
    examples.map((e) => e.text),
    config.vectorizer,
  );
  const x = toMatrix(
    examples.map((e) => vectorizer.transform(e.text)),
    vectorizer.size,
  );
  const n = examples.length;
  const ys = labels.map((label) => Int8Array.from(examples, (e) => (e.labels.includes(label) ? 1 : -1)));
  const knowns = labels.map((label) =>
    Uint8Array.from(examples, (e) =>
      !e.known || e.known.includes(label) || e.labels.includes(label) ? 1 : 0,
    ),
  );
  const positives = ys.map((y, j) => y.reduce((s, v, i) => s + (v > 0 && knowns[j]![i] ? 1 : 0), 0));
  const modelled = labels.map((_, j) => positives[j]! >= config.minPositives);

  // Held-out margins per label and learner, from models that did not see the row.
  const heldOutMargins = labels.map(() => config.learners.map(() => new Float64Array(n).fill(Number.NaN)));
  const tuned = config.folds >= 2;
  if (tuned) {
    const folds = groupedFolds(
      examples.map((e, i) => e.group ?? `#${i}`),
      config.folds,
      config.seed,
    );
    for (let f = 0; f < config.folds; f++) {
      const { train, test } = splitFold(folds, f);
      if (train.length === 0 || test.length === 0) continue;
      const xTrain = selectRows(x, train);
      const xTest = selectRows(x, test);
      labels.forEach((_, j) => {
        if (!modelled[j]) return;
        const y = Int8Array.from(train, (i) => ys[j]![i]!);
        const known = Uint8Array.from(train, (i) => knowns[j]![i]!);
        const ws = fitLabel(xTrain, y, known, config, config.seed * 7919 + f * 101 + j);
        ws.forEach((w, l) => {
          test.forEach((i, r) => {
            if (knowns[j]![i]) heldOutMargins[j]![l]![i] = marginOf(xTest, r, w);
          });
        });
      });
    }
  }

  const heldOut: Float64Array[] | null = tuned
    ? labels.map(() => new Float64Array(n).fill(Number.NaN))
    : null;
  const scorers: LabelScorer[] = [];
  labels.forEach((label, j) => {
    const weights = new Float32Array(vectorizer.size);
    if (!modelled[j]) {
      scorers.push({
        label,
        weights,
        intercept: -10,
        threshold: Number.POSITIVE_INFINITY,
        positives: positives[j]!,
        heldOutF1: 0,
      });
      return;
    }
    const ws = fitLabel(x, ys[j]!, knowns[j]!, config, config.seed * 104729 + j);
    // Calibrate each learner, average the calibrated logits, calibrate the average: all linear, so the result
    // is again one weight vector whose feature contributions explain the decision exactly.
    const rows = tuned ? [...Array(n).keys()].filter((i) => !Number.isNaN(heldOutMargins[j]![0]![i]!)) : [];
    const truth = rows.map((i) => ys[j]![i]! > 0);
    const platts = config.learners.map((_, l) =>
      tuned
        ? fitPlatt(
            rows.map((i) => heldOutMargins[j]![l]![i]!),
            truth,
          )
        : { a: 1, b: 0 },
    );
    const mean = (i: number) =>
      platts.reduce((s, p, l) => s + p.a * heldOutMargins[j]![l]![i]! + p.b, 0) / platts.length;
    const final = tuned ? fitPlatt(rows.map(mean), truth) : { a: 1, b: 0 };
    const combined = new Float64Array(vectorizer.size + 1);
    let intercept = 0;
    ws.forEach((w, l) => {
      const scale = (final.a * platts[l]!.a) / ws.length;
      for (let c = 0; c <= vectorizer.size; c++) combined[c] = combined[c]! + scale * w[c]!;
      intercept += (final.a * platts[l]!.b) / ws.length;
    });
    intercept += combined[vectorizer.size]! + final.b;
    let threshold = 0.5;
    let heldOutF1 = 0;
    if (tuned && heldOut) {
      const probs = rows.map((i) => sigmoid(final.a * mean(i) + final.b));
      rows.forEach((i, r) => {
        heldOut[j]![i] = probs[r]!;
      });
      const best = tuneThreshold(probs, truth);
      threshold = best.threshold;
      heldOutF1 = best.f1;
    }
    scorers.push({
      label,
      weights: Float32Array.from(combined.subarray(0, vectorizer.size)),
      intercept,
      threshold,
      positives: positives[j]!,
      heldOutF1,
    });
  });
  return { model: new TextModel(vectorizer, scorers, options.provenance ?? null), heldOut };
}
