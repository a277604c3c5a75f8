/** TF-IDF over word n-grams and (optionally) character n-grams, fitted on a corpus and serialisable. */

import { IntTable } from "../../util/int-table.js";
import { StringTable } from "../../util/string-table.js";
import { ModelFormatError } from "./errors.js";
import type { SparseBuffer, SparseVector } from "./sparse.js";
import { eachToken, isOwnNorm, norm, type Tokens, words } from "./tokenize.js";

/** How texts become features. */
export interface VectorizerConfig {
  /** Smallest and largest word n-gram length, e.g. [1, 3]. */
  wordNgrams: [number, number];
  /** Character n-gram lengths inside word boundaries (like scikit-learn's `char_wb`), or null for none. */
  charNgrams: [number, number] | null;
  /** Drop features seen in fewer documents than this. */
  minDf: number;
  /** Keep at most this many features per block, the most frequent (by document frequency) first. */
  maxFeatures?: number;
  /** `1 + ln(tf)` instead of raw counts: long segments repeating a word should not dominate. */
  sublinearTf: boolean;
  /** L2 norm given to the character block; the word block has norm 1. */
  charWeight: number;
}

/** The fitted state, as stored in a model file. */
export interface VectorizerState {
  config: VectorizerConfig;
  /** Feature names; word n-grams as "a b", character n-grams as "#ab c". */
  terms: string[];
  idf: number[];
}

const CHAR_PREFIX = "#";

/** Word n-grams of a token list, joined by single spaces. */
function wordGrams(tokens: readonly string[], [min, max]: [number, number], emit: (gram: string) => void) {
  for (let i = 0; i < tokens.length; i++) {
    let gram = "";
    for (let n = 1; n <= max && i + n <= tokens.length; n++) {
      gram = n === 1 ? tokens[i]! : `${gram} ${tokens[i + n - 1]!}`;
      if (n >= min) emit(gram);
    }
  }
}

/** Character n-grams of each token padded with spaces, so prefixes and suffixes are marked. */
function charGrams(tokens: readonly string[], [min, max]: [number, number], emit: (gram: string) => void) {
  for (const token of tokens) {
    const padded = ` ${token} `;
    for (let n = min; n <= max; n++) {
      if (n > padded.length) break;
      for (let i = 0; i + n <= padded.length; i++) emit(CHAR_PREFIX + padded.slice(i, i + n));
    }
  }
}

/** A word n-gram found in a text, with the character span it covers. */
export interface FeatureOccurrence {
  feature: number;
  start: number;
  end: number;
}

/** A fitted TF-IDF vectoriser. */
export class TfidfVectorizer {
  readonly config: VectorizerConfig;
  readonly terms: string[];
  readonly idf: Float64Array;
  private readonly index: Map<string, number>;
  /** Index of the first character feature: word features come first. */
  private readonly charStart: number;
  /**
   * Word n-grams keyed by numbers built from token ids (1-based), so that prediction neither concatenates
   * strings nor hashes them: the inner loop of classification. Token ids exist for every token of a kept
   * n-gram (an n-gram is never more frequent than its words).
   */
  private readonly tokenId = new Map<string, number>();
  /** `tokenId` looked up by a token's span of its text, for tokens that are their own normalised form. */
  private readonly tokenTable: StringTable;
  private readonly gramIndex: IntTable;
  /** `gramIndex.get(id)` for every token id: the unigram feature of each token, read without hashing. */
  private readonly unigram: Int32Array;
  private readonly radix: number;
  /** Per-feature counts, reused across calls and reset after each (no allocation per text). */
  private readonly scratch: Int32Array;
  /** The distinct features of the text being vectorised, grown as needed. */
  private touched = new Int32Array(0);
  /** Word n-gram occurrences of the last text read by {@link wordGrams}. */
  private grams = { feature: new Int32Array(0), first: new Int32Array(0), last: new Int32Array(0) };
  /** How many n-grams `grams` holds, and how many texts {@link wordGrams} has read (that one the last). */
  private gramCount = 0;
  private textsRead = 0;

  private constructor(config: VectorizerConfig, terms: string[], idf: ArrayLike<number>) {
    this.config = config;
    this.terms = terms;
    this.idf = Float64Array.from(idf);
    this.index = new Map(terms.map((t, i) => [t, i]));
    const firstChar = terms.findIndex((t) => t.startsWith(CHAR_PREFIX));
    this.charStart = firstChar < 0 ? terms.length : firstChar;
    this.scratch = new Int32Array(terms.length);
    const wordTerms: [string[], number][] = [];
    terms.forEach((t, i) => {
      if (i >= this.charStart) return;
      const parts = t.split(" ");
      for (const part of parts) if (!this.tokenId.has(part)) this.tokenId.set(part, this.tokenId.size + 1);
      wordTerms.push([parts, i]);
    });
    this.radix = this.tokenId.size + 1;
    this.tokenTable = new StringTable([...this.tokenId]);
    const keyed = wordTerms.map(([parts, i]): [number, number] => {
      let key = 0;
      for (const part of parts) key = key * this.radix + this.tokenId.get(part)!;
      return [key, i];
    });
    this.gramIndex = new IntTable(keyed, keyed.length);
    this.unigram = new Int32Array(this.radix);
    for (let id = 0; id < this.radix; id++) this.unigram[id] = this.gramIndex.get(id);
  }

  /** Number of features. */
  get size(): number {
    return this.terms.length;
  }

  /** Learns vocabulary and IDF from `texts`. */
  static fit(texts: readonly string[], config: VectorizerConfig): TfidfVectorizer {
    const wordDf = new Map<string, number>();
    const charDf = new Map<string, number>();
    for (const text of texts) {
      const tokens = words(text);
      const seen = new Set<string>();
      wordGrams(tokens, config.wordNgrams, (g) => seen.add(g));
      for (const g of seen) wordDf.set(g, (wordDf.get(g) ?? 0) + 1);
      if (config.charNgrams) {
        seen.clear();
        charGrams(tokens, config.charNgrams, (g) => seen.add(g));
        for (const g of seen) charDf.set(g, (charDf.get(g) ?? 0) + 1);
      }
    }
    const keep = (df: Map<string, number>) => {
      // Sorting by (df desc, term asc) makes the vocabulary order independent of Map insertion details.
      let entries = [...df].filter(([, n]) => n >= config.minDf);
      entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      if (config.maxFeatures !== undefined) entries = entries.slice(0, config.maxFeatures);
      return entries;
    };
    const kept = [...keep(wordDf), ...keep(charDf)];
    const n = texts.length;
    return new TfidfVectorizer(
      config,
      kept.map(([t]) => t),
      kept.map(([, df]) => Math.log((1 + n) / (1 + df)) + 1),
    );
  }

  /** Restores a vectoriser from its stored state. */
  static fromState(state: VectorizerState): TfidfVectorizer {
    if (!Array.isArray(state.terms) || !Array.isArray(state.idf) || state.terms.length !== state.idf.length) {
      throw new ModelFormatError("vectorizer: terms and idf must be arrays of the same length");
    }
    return new TfidfVectorizer(state.config, state.terms, state.idf);
  }

  /** The state to store. */
  toState(): VectorizerState {
    return { config: this.config, terms: this.terms, idf: Array.from(this.idf, round6) };
  }

  /**
   * Finds every word n-gram feature of a token list, in order (by first token, then length), into the scratch
   * arrays `grams` (feature, first and last token of each); returns how many. No callback and no object per
   * n-gram: this is the innermost loop of classification.
   */
  private wordGrams(ids: Int32Array): number {
    const [min, max] = this.config.wordNgrams;
    if (this.grams.feature.length < ids.length * max) {
      const size = Math.max(ids.length * max, 2 * this.grams.feature.length);
      this.grams = { feature: new Int32Array(size), first: new Int32Array(size), last: new Int32Array(size) };
    }
    const { feature, first, last } = this.grams;
    const radix = this.radix;
    const gramIndex = this.gramIndex;
    const unigram = this.unigram;
    let count = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id === 0) continue; // an unknown word belongs to no kept n-gram
      if (min <= 1) {
        const f = unigram[id]!;
        if (f >= 0) {
          feature[count] = f;
          first[count] = i;
          last[count++] = i;
        }
      }
      let key = id;
      for (let n = 2; n <= max && i + n <= ids.length; n++) {
        const next = ids[i + n - 1]!;
        if (next === 0) break;
        key = key * radix + next;
        if (n < min) continue;
        const f = gramIndex.get(key);
        if (f < 0) continue;
        feature[count] = f;
        first[count] = i;
        last[count++] = i + n - 1;
      }
    }
    this.gramCount = count;
    this.textsRead++;
    return count;
  }

  /** Word n-gram occurrences of a tokenised text with their character spans (for locating evidence). */
  occurrences(tokens: Tokens): FeatureOccurrence[] {
    const count = this.wordGrams(this.tokenIds(tokens.norms));
    const { feature, first, last } = this.grams;
    const out: FeatureOccurrence[] = new Array(count);
    for (let k = 0; k < count; k++) {
      out[k] = { feature: feature[k]!, start: tokens.starts[first[k]!]!, end: tokens.ends[last[k]!]! };
    }
    return out;
  }

  /**
   * The features of the word n-gram occurrences of a text whose token ids are `ids`, and where each starts (from
   * `tokens`): `occurrences` as two arrays, without an object per occurrence.
   */
  occurrenceStarts(
    ids: Int32Array,
    tokens: { starts: ArrayLike<number> },
  ): { features: Int32Array; starts: Int32Array } {
    const count = this.wordGrams(ids);
    const features = this.grams.feature.slice(0, count);
    const first = this.grams.first;
    const starts = new Int32Array(count);
    for (let k = 0; k < count; k++) starts[k] = tokens.starts[first[k]!]!;
    return { features, starts };
  }

  /**
   * A number that changes whenever the vectoriser reads a text: {@link lastOccurrenceStarts} answers for the text
   * read when it had its current value.
   */
  get reads(): number {
    return this.textsRead;
  }

  /**
   * {@link occurrenceStarts} of the tokens from `from` on of the text last read (by {@link transformIds}), from the
   * n-grams found then: an n-gram starting at token `from` or later lies within those tokens, and they come in the
   * same order. A list item read after its lead-in gets its own occurrences without finding them again.
   * `tokens.starts[i]` is where token `from + i` starts.
   */
  lastOccurrenceStarts(
    from: number,
    tokens: { starts: ArrayLike<number> },
  ): { features: Int32Array; starts: Int32Array } {
    const { feature, first } = this.grams;
    const count = this.gramCount;
    // N-grams come by first token: the lead-in's first.
    let k0 = 0;
    while (k0 < count && first[k0]! < from) k0++;
    const features = feature.slice(k0, count);
    const starts = new Int32Array(count - k0);
    for (let k = k0; k < count; k++) starts[k - k0] = tokens.starts[first[k]! - from]!;
    return { features, starts };
  }

  /**
   * Vocabulary ids of normalised tokens (0 for a word in no kept n-gram). Looking a token up is most of the
   * cost of vectorising, so callers that need a text's features more than once look its tokens up once.
   */
  tokenIds(tokens: readonly string[]): Int32Array {
    const ids = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) ids[i] = this.tokenId.get(tokens[i]!) ?? 0;
    return ids;
  }

  /**
   * `tokenIds(tokenize(text).norms)` and where each token starts, written into `ids` and `starts` from index `at`;
   * returns how many tokens. Tokens are at least a character apart, so room for `(text.length + 1) / 2` is enough.
   * Classification reads every provision so, without an array of tokens or of ids per provision.
   */
  readTokenIds(text: string, ids: Int32Array, starts: Int32Array, at: number): number {
    let n = at;
    eachToken(text, (start, end, lower) => {
      // Most tokens are their own normalised form (lower-case ASCII), looked up where they stand in the text.
      ids[n] = isOwnNorm(text, start, end, lower)
        ? this.tokenTable.get(text, start, end, 0)
        : (this.tokenId.get(norm(text, start, end, lower)) ?? 0);
      starts[n++] = start;
    });
    return n - at;
  }

  /** Feature vector of one text: TF-IDF, each block L2-normalised. */
  transform(text: string): SparseVector {
    return this.transformTokens(words(text));
  }

  /** Feature vector of an already tokenised text (`words` or `tokenize(…).norms`). */
  transformTokens(tokens: readonly string[]): SparseVector {
    return this.transformIds(this.tokenIds(tokens), tokens);
  }

  /**
   * Feature vector from token ids ({@link tokenIds}) of `tokens`, the normalised tokens themselves (read only
   * when the vectoriser has character n-grams). Equal to `transformTokens(tokens)`; built in `into` when given.
   */
  transformIds(ids: Int32Array, tokens: readonly string[], into?: SparseBuffer): SparseVector {
    const counts = this.scratch;
    const count = this.wordGrams(ids);
    const grams = this.grams.feature;
    // The distinct features, in a scratch array: at most one per word n-gram (and per character n-gram).
    let touched = this.touched;
    if (touched.length < count) touched = this.touched = new Int32Array(Math.max(count, 2 * touched.length));
    let distinct = 0;
    for (let k = 0; k < count; k++) {
      const f = grams[k]!;
      if (counts[f] === 0) touched[distinct++] = f;
      counts[f] = counts[f]! + 1;
    }
    if (this.config.charNgrams) {
      charGrams(tokens, this.config.charNgrams, (gram) => {
        const i = this.index.get(gram);
        if (i === undefined) return;
        if (counts[i] === 0) {
          if (distinct === touched.length) {
            const grown = new Int32Array(2 * touched.length + 16);
            grown.set(touched);
            touched = this.touched = grown;
          }
          touched[distinct++] = i;
        }
        counts[i] = counts[i]! + 1;
      });
    }
    const vector = into
      ? into.view(distinct)
      : { indices: new Int32Array(distinct), values: new Float64Array(distinct) };
    const { indices, values } = vector;
    indices.set(touched.subarray(0, distinct).sort());
    const sublinear = this.config.sublinearTf;
    const idf = this.idf;
    const charStart = this.charStart;
    let wordNorm = 0;
    let charNorm = 0;
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k]!;
      const tf = counts[i]!;
      counts[i] = 0;
      // Most features occur once, and 1 + ln 1 is exactly 1.
      const v = (sublinear ? (tf === 1 ? 1 : 1 + Math.log(tf)) : tf) * idf[i]!;
      values[k] = v;
      if (i < charStart) wordNorm += v * v;
      else charNorm += v * v;
    }
    const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
    const charScale = charNorm > 0 ? this.config.charWeight / Math.sqrt(charNorm) : 0;
    for (let k = 0; k < indices.length; k++) {
      values[k] = values[k]! * (indices[k]! < charStart ? wordScale : charScale);
    }
    return vector;
  }
}

/** Rounds for storage: six significant decimals are far below what changes a decision. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
