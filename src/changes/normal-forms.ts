/**
 * Cached normal forms of provision texts, and the bounded cache by text they use (also for token sets and
 * vocabulary terms). One record normalises the same provision for matching, judging, summarising; and
 * consecutive records share most provision texts. A bounded cache keyed by the text itself serves all of these.
 */
import { foldMinor, normalizeTechnical } from "./normalize.js";

/** Entries kept before the cache is emptied (a few MB of provision texts). */
const CAPACITY = 8192;

/**
 * `fn` remembered for the last {@link CAPACITY} texts. The values are shared between callers: sets and
 * arrays it returns must be read, never changed.
 */
export function cached<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    let value = cache.get(text);
    if (value === undefined) {
      value = fn(text);
      // Emptying at once is cheaper than tracking recency, and a record rarely needs more than the capacity.
      if (cache.size >= CAPACITY) cache.clear();
      cache.set(text, value);
    }
    return value;
  };
}

/**
 * `fn` of two texts remembered like {@link cached}, keyed by one text then the other: joining them into one key
 * would copy and hash both long texts on every call.
 */
export function cachedPair<T>(fn: (a: string, b: string) => T): (a: string, b: string) => T {
  const cache = new Map<string, Map<string, T>>();
  let size = 0;
  return (a: string, b: string): T => {
    let byB = cache.get(a);
    let value = byB?.get(b);
    if (value === undefined) {
      value = fn(a, b);
      if (size >= CAPACITY) {
        cache.clear();
        size = 0;
        byB = undefined;
      }
      if (!byB) {
        byB = new Map();
        cache.set(a, byB);
      }
      byB.set(b, value);
      size++;
    }
    return value;
  };
}

/** {@link normalizeTechnical} of a provision's Markdown, cached. */
export const technicalText = cached(normalizeTechnical);

/** Minor normal form of a provision's Markdown, cached. */
export const minorText = cached((text: string) => foldMinor(technicalText(text)));
