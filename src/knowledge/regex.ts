/** Compilation of the knowledge base's regex strings, shared by validation and matching. */
import { ALLOWED_EXTRA_FLAGS } from "./vocabulary.js";

const cache = new Map<string, RegExp>();

/**
 * Compiles a knowledge-base regex. Matching is always case-insensitive; `extraFlags` may add `m`, `s` or `u`.
 * Compiled expressions are cached because the same few hundred are run against every provision.
 * @throws SyntaxError when the source does not compile or the flags are not allowed.
 */
export function compileRegex(source: string, extraFlags = ""): RegExp {
  const key = `${extraFlags}/${source}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (!ALLOWED_EXTRA_FLAGS.test(extraFlags)) throw new SyntaxError(`flags "${extraFlags}" not allowed`);
  const flags = [...new Set(`i${extraFlags}`)].join("");
  const compiled = new RegExp(source, flags);
  cache.set(key, compiled);
  return compiled;
}

/** The compile error of a regex, or null when it compiles. */
export function regexError(source: string, extraFlags = ""): string | null {
  try {
    compileRegex(source, extraFlags);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
