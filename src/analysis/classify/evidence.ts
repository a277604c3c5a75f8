/** Choosing the sentence(s) of a provision that carried a decision. */
import { type SentenceSpan, splitSentences } from "./sentences.js";

/** The sentence span (provision-relative) that contains `[start, end)`, widened to whole sentences. */
export function sentencesCovering(
  sentences: readonly SentenceSpan[],
  start: number,
  end: number,
): SentenceSpan {
  const inside = sentences.filter((s) => s.end > start && s.start < end);
  if (inside.length === 0) return { start, end };
  return { start: inside[0]!.start, end: inside.at(-1)!.end };
}

/**
 * The block of consecutive sentences around the highest-scoring one whose scores all reach `threshold`
 * (just the best sentence when no neighbour does): the part of the provision the model's decision rests on.
 */
export function bestSentenceBlock(
  sentences: readonly SentenceSpan[],
  scores: readonly number[],
  threshold: number,
): SentenceSpan {
  let best = 0;
  scores.forEach((s, i) => {
    if (s > scores[best]!) best = i;
  });
  let first = best;
  let last = best;
  while (first > 0 && scores[first - 1]! >= threshold) first--;
  while (last + 1 < sentences.length && scores[last + 1]! >= threshold) last++;
  return { start: sentences[first]!.start, end: sentences[last]!.end };
}

/** Occurrence counts by feature for {@link SentenceAttribution}, all 0 between uses. */
let perFeature = new Int32Array(0);

/**
 * Which sentence each feature occurrence of a provision falls in, prepared once per provision so that scoring
 * the sentences for each predicted type is a single pass. A feature's contribution (weight × value) is shared
 * equally among its occurrences and added to the sentence where each occurrence starts.
 */
export class SentenceAttribution {
  private readonly features: Int32Array;
  private readonly sentenceOf: Int32Array;
  private readonly share: Float64Array;

  /**
   * @param features the feature of each occurrence
   * @param starts where each occurrence starts in the provision, in the same order as `features`
   */
  constructor(
    private readonly sentences: readonly SentenceSpan[],
    features: ArrayLike<number>,
    starts: ArrayLike<number>,
  ) {
    const n = features.length;
    // Occurrences usually come in text order already (n-grams are enumerated from left to right); else they are
    // read in order of start, ties kept in their order.
    let ordered = true;
    for (let k = 1; k < n && ordered; k++) ordered = starts[k - 1]! <= starts[k]!;
    const order = ordered
      ? null
      : Array.from({ length: n }, (_, k) => k).sort((a, b) => starts[a]! - starts[b]!);
    // Plain loops rather than TypedArray.from(…, map): this runs for most classified provisions.
    this.features = new Int32Array(n);
    this.share = new Float64Array(n);
    this.sentenceOf = new Int32Array(n);
    // Occurrences per feature, counted in a shared scratch array (zeroed again after): a map here was most of the
    // cost of attributing a provision.
    let top = 0;
    for (let k = 0; k < n; k++) top = Math.max(top, features[k]! + 1);
    if (perFeature.length < top) perFeature = new Int32Array(Math.max(top, 2 * perFeature.length));
    for (let k = 0; k < n; k++) perFeature[features[k]!] = perFeature[features[k]!]! + 1;
    let s = 0;
    for (let k = 0; k < n; k++) {
      const o = order ? order[k]! : k;
      const feature = features[o]!;
      this.features[k] = feature;
      this.share[k] = 1 / perFeature[feature]!;
      while (s + 1 < sentences.length && starts[o]! >= sentences[s + 1]!.start) s++;
      this.sentenceOf[k] = s;
    }
    for (let k = 0; k < n; k++) perFeature[features[k]!] = 0;
  }

  /** Each sentence's share of a label's score, given each feature's whole contribution. */
  scores(contribution: (feature: number) => number): number[] {
    const out = this.sentences.map(() => 0);
    for (let k = 0; k < this.features.length; k++) {
      const s = this.sentenceOf[k]!;
      out[s] = out[s]! + contribution(this.features[k]!) * this.share[k]!;
    }
    return out;
  }

  /**
   * `scores` with each feature's contribution read from `table` (indexed by feature): the same numbers without a
   * callback per occurrence.
   */
  tableScores(table: ArrayLike<number>): number[] {
    const out = this.sentences.map(() => 0);
    const { features, sentenceOf, share } = this;
    for (let k = 0; k < features.length; k++) {
      const s = sentenceOf[k]!;
      out[s] = out[s]! + table[features[k]!]! * share[k]!;
    }
    return out;
  }
}

/** Sentences of a provision, memoised because several types of one provision need them. */
export class ProvisionSentences {
  private spans: SentenceSpan[] | null = null;
  constructor(private readonly text: string) {}

  get all(): SentenceSpan[] {
    this.spans ??= splitSentences(this.text);
    return this.spans;
  }
}
