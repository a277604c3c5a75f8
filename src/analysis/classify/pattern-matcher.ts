/**
 * The taxonomy's patterns, compiled once per clause type. Same semantics as the knowledge base's
 * `matchPatterns` (main expression, `requires` anywhere, `excludes` vetoes, strongest first); it exists because
 * `compileRegex` builds a cache key from the whole source on every call, which cost about 7 ms per document on
 * the benchmark corpus. Drop it if the knowledge module caches per pattern object.
 */
import { type ClauseType, compileRegex, type Pattern, type PatternHit } from "../../knowledge/index.js";

interface CompiledPattern {
  pattern: Pattern;
  main: RegExp;
  requires: RegExp | null;
  excludes: RegExp | null;
}

const compiled = new WeakMap<ClauseType, CompiledPattern[]>();

function compiledOf(type: ClauseType): CompiledPattern[] {
  let list = compiled.get(type);
  if (!list) {
    list = [...type.patterns]
      .sort((a, b) => b.weight - a.weight)
      .map((pattern) => ({
        pattern,
        main: compileRegex(pattern.regex, pattern.flags),
        requires: pattern.requires === undefined ? null : compileRegex(pattern.requires, pattern.flags),
        excludes: pattern.excludes === undefined ? null : compileRegex(pattern.excludes, pattern.flags),
      }));
    compiled.set(type, list);
  }
  return list;
}

/** Every pattern of `type` that fires on `text`, strongest (highest weight) first. */
export function matchTypePatterns(type: ClauseType, text: string): PatternHit[] {
  const hits: PatternHit[] = [];
  for (const c of compiledOf(type)) {
    const found = c.main.exec(text);
    if (!found) continue;
    if (c.requires && !c.requires.test(text)) continue;
    if (c.excludes?.test(text)) continue;
    hits.push({ pattern: c.pattern, start: found.index, end: found.index + found[0].length });
  }
  return hits;
}
