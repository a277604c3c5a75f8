/**
 * The taxonomy's patterns of a clause type, sorted once, strongest first. Same semantics as the knowledge base's
 * `matchPatterns` (main expression, `requires` anywhere, `excludes` vetoes, strongest first), whose `matchSpec`
 * compiles each pattern once.
 */
import { type ClauseType, matchSpec, type Pattern, type PatternHit } from "../../knowledge/index.js";

const sorted = new WeakMap<ClauseType, Pattern[]>();

function sortedOf(type: ClauseType): Pattern[] {
  let list = sorted.get(type);
  if (!list) {
    list = [...type.patterns].sort((a, b) => b.weight - a.weight);
    sorted.set(type, list);
  }
  return list;
}

/** Every pattern of `type` that fires on `text`, strongest (highest weight) first. */
export function matchTypePatterns(type: ClauseType, text: string): PatternHit[] {
  const hits: PatternHit[] = [];
  for (const pattern of sortedOf(type)) {
    const span = matchSpec(pattern, text);
    if (span) hits.push({ pattern, start: span.start, end: span.end });
  }
  return hits;
}
