/** A tiny most-recently-used cache for whole-version computations. */

/**
 * Wraps a pure function of a version's text with a cache of its last `capacity` results. Change records are
 * computed version after version, so the "before" text of one record is the "after" text of the previous
 * one. Keys are the texts themselves (V8 hashes a string once and keeps the hash).
 */
export function memoizeRecent<T>(fn: (text: string) => T, capacity = 4): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    if (cache.has(text)) {
      const hit = cache.get(text) as T;
      // Re-insert to mark as most recent (a Map iterates in insertion order).
      cache.delete(text);
      cache.set(text, hit);
      return hit;
    }
    const value = fn(text);
    cache.set(text, value);
    if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
    return value;
  };
}
