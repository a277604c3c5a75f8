/**
 * Remembering a pure function of a string for the texts seen last. The analysis of a version reads each provision
 * and sentence in several stages (entities, then the explanations of the same document); remembering the last few
 * thousand lets the later stages reuse the earlier ones' reading, while memory stays bounded.
 */

/**
 * `compute`, remembered for up to `capacity` distinct keys: when full, everything is forgotten at once (keys come
 * document by document, so older ones are rarely asked for again). Callers must not mutate the values returned.
 */
export function memoize<T>(compute: (key: string) => T, capacity: number): (key: string) => T {
  let cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const value = compute(key);
    if (cache.size >= capacity) cache = new Map();
    cache.set(key, value);
    return value;
  };
}
