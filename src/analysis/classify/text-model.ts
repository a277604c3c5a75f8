/** A fitted multi-label linear text model: TF-IDF features, one calibrated linear scorer and threshold per label. */
import { sigmoid } from "./calibration.js";
import { ModelFormatError } from "./errors.js";
import type { TypeFusion } from "./fusion.js";
import type { SparseVector } from "./sparse.js";
import { round6, TfidfVectorizer, type VectorizerState } from "./vectorizer.js";

/** One label's scorer: probability = σ(w·x + intercept); predicted when probability ≥ threshold. */
export interface LabelScorer {
  label: string;
  /** Dense weights over the vectoriser's features. */
  weights: Float32Array;
  intercept: number;
  threshold: number;
  /** Positive training examples it was fitted on. */
  positives: number;
  /** F1 on the held-out folds used to tune the threshold (0 when not tuned). */
  heldOutF1: number;
  /** Learned combination with the taxonomy's patterns for this label (a clause type), when trained with one. */
  fusion?: TypeFusion;
}

/** A label the model predicts for a text. */
export interface LabelScore {
  label: string;
  probability: number;
  threshold: number;
}

/** A feature's contribution to one label's score in one text. */
export interface FeatureContribution {
  /** The n-gram ("do not sell") or character n-gram ("#sell"). */
  feature: string;
  /** weight × TF-IDF value. */
  contribution: number;
}

/** Where a model's training data came from. */
export interface TrainingProvenance {
  /** SHA-256 of the training examples in a canonical form: equal hash, equal model. */
  dataHash: string;
  examples: number;
  /** Free-form description of the configuration used. */
  config: unknown;
}

/** JSON form of a label scorer: only non-zero weights are kept. */
interface StoredLabel {
  label: string;
  threshold: number | null;
  positives: number;
  heldOutF1: number;
  intercept: number;
  indices: number[];
  values: number[];
  fusion?: TypeFusion;
}

/** JSON form of a whole model. */
export interface StoredTextModel {
  format: "clausewatch-text-model";
  version: 1;
  provenance: TrainingProvenance | null;
  vectorizer: VectorizerState;
  labels: StoredLabel[];
}

/** Share of the labels a feature must weigh on for its weights to be kept as a dense row too. */
const DENSE_SHARE = 0.8;

/** Multi-label linear text classifier. */
export class TextModel {
  /**
   * The non-zero weights again, grouped by feature (CSR): scoring every label of a text then touches only the
   * labels each of its features weighs on, in contiguous memory.
   */
  private readonly byFeature: { ptr: Int32Array; label: Uint16Array; weight: Float32Array };
  /**
   * The weights of features that weigh on nearly every label (the common words and pairs, which most texts hold)
   * as dense rows of all labels, read without a label index: `row[f]` is the row of feature f, or -1.
   */
  private readonly dense: { row: Int32Array; weights: Float32Array };
  private readonly intercepts: Float64Array;
  private readonly labelIndex: Map<string, number>;

  constructor(
    readonly vectorizer: TfidfVectorizer,
    readonly scorers: LabelScorer[],
    readonly provenance: TrainingProvenance | null = null,
  ) {
    if (scorers.length > 0x10000) throw new ModelFormatError(`${scorers.length} labels: at most 65,536`);
    const size = vectorizer.size;
    const ptr = new Int32Array(size + 1);
    for (const s of scorers)
      for (let f = 0; f < size; f++) if (s.weights[f] !== 0) ptr[f + 1] = ptr[f + 1]! + 1;
    for (let f = 0; f < size; f++) ptr[f + 1] = ptr[f + 1]! + ptr[f]!;
    const fill = ptr.slice(0, size);
    // 16-bit labels and float32 weights (the scorers' own: every product is the same): the rows of a text's features
    // are scattered over megabytes, and scoring waits on memory more than it computes (10 % of classifying).
    const label = new Uint16Array(ptr[size]!);
    const weight = new Float32Array(ptr[size]!);
    scorers.forEach((s, j) => {
      for (let f = 0; f < size; f++) {
        const w = s.weights[f]!;
        if (w === 0) continue;
        const at = fill[f]!;
        label[at] = j;
        weight[at] = w;
        fill[f] = at + 1;
      }
    });
    this.byFeature = { ptr, label, weight };
    const row = new Int32Array(size).fill(-1);
    let rows = 0;
    for (let f = 0; f < size; f++) if (ptr[f + 1]! - ptr[f]! >= DENSE_SHARE * scorers.length) row[f] = rows++;
    const weights = new Float32Array(rows * scorers.length);
    for (let f = 0; f < size; f++) {
      if (row[f]! < 0) continue;
      for (let e = ptr[f]!; e < ptr[f + 1]!; e++) weights[row[f]! * scorers.length + label[e]!] = weight[e]!;
    }
    this.dense = { row, weights };
    this.intercepts = Float64Array.from(scorers, (s) => s.intercept);
    // The first scorer of a label, as `find` would give.
    this.labelIndex = new Map();
    scorers.forEach((s, j) => {
      if (!this.labelIndex.has(s.label)) this.labelIndex.set(s.label, j);
    });
  }

  /** Labels the model can predict. */
  get labels(): string[] {
    return this.scorers.map((s) => s.label);
  }

  /** Feature vector of a text (exposed so callers scoring many labels vectorise once). */
  vectorize(text: string): SparseVector {
    return this.vectorizer.transform(text);
  }

  /** Probability of every label, in `labels` order; written in `into` when given (as many entries as labels). */
  probabilities(x: SparseVector, into?: Float64Array): Float64Array {
    const z = into ?? new Float64Array(this.intercepts.length);
    z.set(this.intercepts);
    const { ptr, label, weight } = this.byFeature;
    const { row, weights } = this.dense;
    const labels = z.length;
    const { indices, values } = x;
    const n = indices.length;
    let k = 0;
    while (k < n) {
      const f = indices[k]!;
      const r = row[f]!;
      if (r < 0) {
        const v = values[k++]!;
        const end = ptr[f + 1]!;
        for (let e = ptr[f]!; e < end; e++) {
          const j = label[e]!;
          z[j] = z[j]! + v * weight[e]!;
        }
        continue;
      }
      // Dense rows (a zero weight adds v × 0 = +0, which leaves every sum as it was: the same sums as the sparse
      // loop). Up to four consecutive ones are added in one pass over the labels, each label's sum still taking
      // them in order (JavaScript adds left to right): the same sums, with a quarter of the reads and writes of z.
      const r2 = k + 1 < n ? row[indices[k + 1]!]! : -1;
      const r3 = r2 >= 0 && k + 2 < n ? row[indices[k + 2]!]! : -1;
      const r4 = r3 >= 0 && k + 3 < n ? row[indices[k + 3]!]! : -1;
      const a = values[k]!;
      if (r4 >= 0) {
        const b = values[k + 1]!;
        const c = values[k + 2]!;
        const d = values[k + 3]!;
        for (let j = 0, p = r * labels, q = r2 * labels, s = r3 * labels, t = r4 * labels; j < labels; j++)
          z[j] = z[j]! + a * weights[p++]! + b * weights[q++]! + c * weights[s++]! + d * weights[t++]!;
        k += 4;
      } else if (r2 >= 0) {
        const b = values[k + 1]!;
        for (let j = 0, p = r * labels, q = r2 * labels; j < labels; j++)
          z[j] = z[j]! + a * weights[p++]! + b * weights[q++]!;
        k += 2;
      } else {
        for (let j = 0, p = r * labels; j < labels; j++) z[j] = z[j]! + a * weights[p++]!;
        k++;
      }
    }
    for (let j = 0; j < z.length; j++) z[j] = sigmoid(z[j]!);
    return z;
  }

  /** Labels whose probability reaches their threshold, most probable first. */
  predict(text: string): LabelScore[] {
    return this.predictVector(this.vectorize(text));
  }

  /** As `predict`, on an already vectorised text. */
  predictVector(x: SparseVector): LabelScore[] {
    const probs = this.probabilities(x);
    const out: LabelScore[] = [];
    this.scorers.forEach((s, j) => {
      if (probs[j]! >= s.threshold)
        out.push({ label: s.label, probability: probs[j]!, threshold: s.threshold });
    });
    return out.sort((a, b) => b.probability - a.probability);
  }

  /** Index of the scorer of `label` (its first), as {@link explain} reads it. */
  indexOf(label: string): number | undefined {
    return this.labelIndex.get(label);
  }

  /**
   * The features that pushed `label` up the most in this text: weight × value, largest first.
   * Only positive contributions are returned, because they are what "why was this predicted" asks.
   */
  explain(x: SparseVector | string, label: string, top = 5): FeatureContribution[] {
    const vector = typeof x === "string" ? this.vectorize(x) : x;
    const index = this.labelIndex.get(label);
    if (index === undefined) return [];
    return this.topFeatures(vector, this.contributions(vector, index), top);
  }

  /**
   * Each feature's contribution (value × weight) to the score of scorer `index`, in the vector's order; written in
   * `into` when given (at least as long as the vector).
   */
  contributions(x: SparseVector, index: number, into?: Float64Array): Float64Array {
    // The weights are read from the rows `probabilities` reads (exact copies of the scorer's, and in cache after
    // scoring the same vector), not from the scorer's own array, where nearly every feature is a cache miss.
    const { ptr, label, weight } = this.byFeature;
    const { row, weights } = this.dense;
    const labels = this.intercepts.length;
    const { indices, values } = x;
    const out = into ?? new Float64Array(indices.length);
    for (let k = 0; k < indices.length; k++) {
      const f = indices[k]!;
      const r = row[f]!;
      let w = 0;
      if (r >= 0) w = weights[r * labels + index]!;
      else {
        // A feature's labels are in increasing order.
        const end = ptr[f + 1]!;
        for (let e = ptr[f]!; e < end; e++) {
          const j = label[e]!;
          if (j < index) continue;
          if (j === index) w = weight[e]!;
          break;
        }
      }
      out[k] = values[k]! * w;
    }
    return out;
  }

  /** {@link explain} from the vector's {@link contributions} to the label. */
  topFeatures(x: SparseVector, contributions: Float64Array, top: number): FeatureContribution[] {
    // The `top` largest kept in order as they come (this runs for every classification): a contribution goes after
    // every kept one at least as large, which is the order of a stable sort, largest first.
    // Insertion by shifting rather than splice, which allocates an array of the removed elements on every call.
    const keptAt: number[] = [];
    const kept: number[] = [];
    for (let k = 0; k < x.indices.length; k++) {
      const c = contributions[k]!;
      if (!(c > 0)) continue;
      let at = kept.length;
      while (at > 0 && kept[at - 1]! < c) at--;
      if (at >= top) continue;
      // Room for one more (the last drops off when all `top` are taken), then the smaller ones move down one.
      let last = kept.length < top ? kept.length : top - 1;
      for (; last > at; last--) {
        kept[last] = kept[last - 1]!;
        keptAt[last] = keptAt[last - 1]!;
      }
      kept[at] = c;
      keptAt[at] = k;
    }
    return keptAt.map((k, i) => ({
      feature: this.vectorizer.terms[x.indices[k]!]!,
      contribution: kept[i]!,
    }));
  }

  /**
   * The JSON form. Weights smaller in magnitude than `prune` are dropped and the rest rounded to `decimals`:
   * most of the vocabulary carries near-zero weight for any one label, and dropping it keeps the file small.
   */
  toJSON(prune = 0, decimals = 6): StoredTextModel {
    const scale = 10 ** decimals;
    return {
      format: "clausewatch-text-model",
      version: 1,
      provenance: this.provenance,
      vectorizer: this.vectorizer.toState(),
      labels: this.scorers.map((s) => {
        const indices: number[] = [];
        const values: number[] = [];
        s.weights.forEach((w, i) => {
          const rounded = Math.round(w * scale) / scale;
          if (rounded !== 0 && Math.abs(w) >= prune) {
            indices.push(i);
            values.push(rounded);
          }
        });
        return {
          label: s.label,
          threshold: Number.isFinite(s.threshold) ? round6(s.threshold) : null,
          positives: s.positives,
          heldOutF1: round6(s.heldOutF1),
          intercept: round6(s.intercept),
          indices,
          values,
          ...(s.fusion ? { fusion: roundFusion(s.fusion) } : {}),
        };
      }),
    };
  }

  /** Restores a model from its JSON form. */
  static fromJSON(stored: StoredTextModel): TextModel {
    if (stored?.format !== "clausewatch-text-model" || stored.version !== 1) {
      throw new ModelFormatError("not a clausewatch-text-model version 1");
    }
    const vectorizer = TfidfVectorizer.fromState(stored.vectorizer);
    const scorers = stored.labels.map((l): LabelScorer => {
      if (l.indices.length !== l.values.length)
        throw new ModelFormatError(`label ${l.label}: weights misaligned`);
      const weights = new Float32Array(vectorizer.size);
      l.indices.forEach((i, k) => {
        if (i < 0 || i >= vectorizer.size)
          throw new ModelFormatError(`label ${l.label}: feature ${i} out of range`);
        weights[i] = l.values[k]!;
      });
      return {
        label: l.label,
        weights,
        intercept: l.intercept,
        threshold: l.threshold ?? Number.POSITIVE_INFINITY,
        positives: l.positives,
        heldOutF1: l.heldOutF1,
        ...(l.fusion ? { fusion: l.fusion } : {}),
      };
    });
    return new TextModel(vectorizer, scorers, stored.provenance);
  }
}

function roundFusion(f: TypeFusion): TypeFusion {
  return {
    model: round6(f.model),
    pattern: round6(f.pattern),
    hit: round6(f.hit),
    intercept: round6(f.intercept),
    threshold: round6(f.threshold),
    floor: f.floor,
  };
}
