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
  forgetters.add(() => {
    cache = new Map();
  });
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const value = compute(key);
    if (cache.size >= capacity) cache = new Map();
    cache.set(key, value);
    return value;
  };
}

/** How to empty every cache {@link memoize} made. */
const forgetters = new Set<() => void>();

/**
 * Forgets what every memoized function remembers. For measurements, which must not count as free a text that an
 * earlier pass over the same documents already read.
 */
export function forgetRemembered(): void {
  for (const forget of forgetters) forget();
}
