/**
 * Pairs the provisions of two versions: by stable key (full, then its lead part), then by identical visible
 * text, then by token-set similarity through an inverted index. Each provision is looked at a bounded number
 * of times, so the work grows linearly with the number of provisions (no all-pairs comparison).
 */
import { parseProvisionKey } from "../analysis/segment/index.js";
import type { Provision } from "../model/index.js";
import { technicalText } from "./normal-forms.js";
import { jaccard, matchTokens, overlap } from "./tokens.js";

/** How a pair was found. */
export type MatchVia = "key" | "text" | "similarity";

/** A before provision paired with an after provision (indices into the input arrays). */
export interface ProvisionMatch {
  before: number;
  after: number;
  via: MatchVia;
}

/** Thresholds of the similarity pass. */
export interface MatchOptions {
  /** Jaccard index at or above which two provisions are the same provision, edited. */
  minJaccard: number;
  /** Share of the smaller token set found in the larger one that also counts (a sentence added or cut). */
  minContainment: number;
  /** Smallest token set for which containment alone may match (tiny sets are contained by chance). */
  minContainmentTokens: number;
  /** Below this Jaccard index a key match is rejected as a key collision. */
  minKeyJaccard: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = {
  minJaccard: 0.45,
  minContainment: 0.8,
  minContainmentTokens: 6,
  minKeyJaccard: 0.2,
};

/** Rarest shared tokens looked up per provision: near-duplicates share their rare words. */
const SIGNATURE_TOKENS = 8;
/** Postings read per token: bounds the work on very common tokens. */
const MAX_POSTINGS = 64;
/** Candidates scored per provision, the ones sharing most signature tokens. */
const MAX_CANDIDATES = 8;

/** Lists of positions per key, consumed from the front without the O(n) cost of `Array.shift`. */
class Queues {
  private readonly lists = new Map<string, { items: number[]; next: number }>();
  push(key: string, item: number): void {
    const queue = this.lists.get(key);
    if (queue) queue.items.push(item);
    else this.lists.set(key, { items: [item], next: 0 });
  }
  peek(key: string): number | undefined {
    const queue = this.lists.get(key);
    return queue ? queue.items[queue.next] : undefined;
  }
  take(key: string): number | undefined {
    const queue = this.lists.get(key);
    if (!queue || queue.next >= queue.items.length) return undefined;
    return queue.items[queue.next++];
  }
  get size(): number {
    return this.lists.size;
  }
}

/** Token sets of one version's provisions by position, looked up once per record. */
class TokenCache {
  private readonly sets: (ReadonlySet<string> | undefined)[] = [];
  constructor(private readonly provisions: readonly Provision[]) {}
  get(i: number): ReadonlySet<string> {
    let set = this.sets[i];
    if (!set) {
      set = matchTokens(this.provisions[i]!.text);
      this.sets[i] = set;
    }
    return set;
  }
}

/**
 * Matches provisions of `before` to provisions of `after`; each provision is in at most one match.
 * Unmatched provisions are the removed (before) and added (after) ones.
 */
export function matchProvisions(
  before: readonly Provision[],
  after: readonly Provision[],
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
): ProvisionMatch[] {
  const matches: ProvisionMatch[] = [];
  const beforeDone = new Uint8Array(before.length);
  const afterDone = new Uint8Array(after.length);
  const beforeTokens = new TokenCache(before);
  const afterTokens = new TokenCache(after);
  const take = (b: number, a: number, via: MatchVia): void => {
    beforeDone[b] = 1;
    afterDone[a] = 1;
    matches.push({ before: b, after: a, via });
  };

  // 1. Stable keys. Duplicate keys pair up in document order; a pair whose texts share almost nothing is a
  // key collision and goes on to the next passes.
  const byKey = new Queues();
  before.forEach((p, b) => {
    byKey.push(p.key, b);
  });
  after.forEach((p, a) => {
    const b = byKey.take(p.key);
    if (b === undefined) return;
    const same = before[b]!.text === p.text;
    if (same || jaccard(beforeTokens.get(b), afterTokens.get(a)) >= options.minKeyJaccard) take(b, a, "key");
  });

  // 1b. Same lead words under another heading (the segmenter's keys are "<section>-<lead>~<n>"): a provision
  // that moved to another section, or whose heading was renamed.
  const byLead = new Queues();
  // Keys are parsed for the provisions still unmatched only: most were matched by their full key.
  before.forEach((p, b) => {
    if (beforeDone[b]) return;
    const lead = parseProvisionKey(p.key)?.lead;
    if (lead !== undefined) byLead.push(lead, b);
  });
  if (byLead.size > 0) {
    after.forEach((p, a) => {
      if (afterDone[a]) return;
      const lead = parseProvisionKey(p.key)?.lead;
      if (lead === undefined) return;
      const b = byLead.peek(lead);
      if (b === undefined) return;
      if (
        before[b]!.text === p.text ||
        jaccard(beforeTokens.get(b), afterTokens.get(a)) >= options.minJaccard
      ) {
        byLead.take(lead);
        take(b, a, "key");
      }
    });
  }

  // 2. Identical visible text (a provision moved, or its key changed with its Markdown).
  const byText = new Queues();
  before.forEach((p, b) => {
    if (!beforeDone[b]) byText.push(technicalText(p.text), b);
  });
  after.forEach((p, a) => {
    if (afterDone[a]) return;
    const b = byText.take(technicalText(p.text));
    if (b !== undefined) take(b, a, "text");
  });

  // 3. Similarity over the rest, through an inverted index of the unmatched before provisions.
  const postings = new Map<string, number[]>();
  for (let b = 0; b < before.length; b++) {
    if (beforeDone[b]) continue;
    for (const token of beforeTokens.get(b)) {
      const list = postings.get(token);
      if (list) list.push(b);
      else postings.set(token, [b]);
    }
  }
  if (postings.size === 0) return matches;

  interface Candidate {
    b: number;
    a: number;
    score: number;
    distance: number;
  }
  const candidates: Candidate[] = [];
  for (let a = 0; a < after.length; a++) {
    if (afterDone[a]) continue;
    const tokens = afterTokens.get(a);
    const signature: number[][] = [];
    for (const token of tokens) {
      const list = postings.get(token);
      if (list) signature.push(list);
    }
    signature.sort((x, y) => x.length - y.length);
    const hits = new Map<number, number>();
    for (const list of signature.slice(0, SIGNATURE_TOKENS)) {
      for (let k = 0; k < list.length && k < MAX_POSTINGS; k++)
        hits.set(list[k]!, (hits.get(list[k]!) ?? 0) + 1);
    }
    const top = [...hits.entries()].sort((x, y) => y[1] - x[1]).slice(0, MAX_CANDIDATES);
    for (const [b] of top) {
      const other = beforeTokens.get(b);
      const shared = overlap(tokens, other);
      const union = tokens.size + other.size - shared;
      const jac = union === 0 ? 1 : shared / union;
      const smaller = Math.min(tokens.size, other.size);
      const containment = smaller === 0 ? 0 : shared / smaller;
      const accepted =
        jac >= options.minJaccard ||
        (smaller >= options.minContainmentTokens && containment >= options.minContainment);
      if (!accepted) continue;
      const distance = Math.abs(b / Math.max(1, before.length) - a / Math.max(1, after.length));
      candidates.push({ b, a, score: Math.max(jac, containment * 0.9), distance });
    }
  }
  // Best pairs first; among equals, the one that kept its place in the document.
  candidates.sort((x, y) => y.score - x.score || x.distance - y.distance);
  for (const c of candidates) {
    if (beforeDone[c.b] || afterDone[c.a]) continue;
    take(c.b, c.a, "similarity");
  }
  return matches;
}
