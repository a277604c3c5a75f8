/** Runs a clause type's detection patterns against one provision. */
import { compileRegex } from "./regex.js";
import type { ClauseType, Pattern } from "./schema.js";

/** Fields shared by patterns and rules: a main expression with an optional companion and veto. */
export interface MatchSpec {
  regex: string;
  flags?: string | undefined;
  requires?: string | undefined;
  excludes?: string | undefined;
}

/** A pattern that fired, with the span of its main expression in the provision text. */
export interface PatternHit {
  pattern: Pattern;
  start: number;
  end: number;
}

/**
 * Where `spec` matches in `text`: the span of its main expression, or null when it does not match,
 * its `requires` expression is absent, or its `excludes` expression is present anywhere in `text`.
 */
export function matchSpec(spec: MatchSpec, text: string): { start: number; end: number } | null {
  const found = compileRegex(spec.regex, spec.flags).exec(text);
  if (!found) return null;
  if (spec.requires !== undefined && !compileRegex(spec.requires, spec.flags).test(text)) return null;
  if (spec.excludes !== undefined && compileRegex(spec.excludes, spec.flags).test(text)) return null;
  return { start: found.index, end: found.index + found[0].length };
}

/** Every pattern of `type` that fires on `text`, strongest (highest weight) first. */
export function matchPatterns(type: ClauseType, text: string): PatternHit[] {
  const hits: PatternHit[] = [];
  for (const pattern of type.patterns) {
    const span = matchSpec(pattern, text);
    if (span) hits.push({ pattern, ...span });
  }
  return hits.sort((a, b) => b.pattern.weight - a.pattern.weight);
}
