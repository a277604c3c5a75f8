/** Runs a clause type's detection patterns against one provision. */
import { compileRegex } from "./regex.js";
import type { ClauseType, Pattern } from "./schema.js";

/** Fields shared by patterns and rules: a main expression with an optional companion and veto. */
export interface MatchSpec {
  regex: string;
  flags?: string | undefined;
  requires?: string | undefined;
  excludes?: string | undefined;
  /** What the provision's lead-in must match (patterns only; see `leadInAllows`). */
  leadInRequires?: string | undefined;
}

/** A pattern that fired, with the span of its main expression in the provision text. */
export interface PatternHit {
  pattern: Pattern;
  start: number;
  end: number;
}

/** A spec's compiled expressions, with the sources they were compiled from (checked on every use). */
interface CompiledSpec {
  source: MatchSpec;
  main: RegExp;
  requires: RegExp | null;
  excludes: RegExp | null;
  leadInRequires: RegExp | null;
}

// Per spec object: the knowledge base's specs live as long as the process, and looking them up by object
// avoids building a cache key from each source on every call (hundreds of calls per document). Patterns reach
// here already prefiltered by their literals (the classifier's pattern matcher scans each provision once for all
// types); rules and gates are not: they read texts made per finding (a lead-in joined to the provision), each a
// new scan, and a prefilter here measured no faster.
const compiledSpecs = new WeakMap<MatchSpec, CompiledSpec>();

function compiledSpec(spec: MatchSpec): CompiledSpec {
  const hit = compiledSpecs.get(spec);
  if (
    hit &&
    hit.source.regex === spec.regex &&
    hit.source.flags === spec.flags &&
    hit.source.requires === spec.requires &&
    hit.source.excludes === spec.excludes &&
    hit.source.leadInRequires === spec.leadInRequires
  )
    return hit;
  const compiled: CompiledSpec = {
    source: {
      regex: spec.regex,
      flags: spec.flags,
      requires: spec.requires,
      excludes: spec.excludes,
      leadInRequires: spec.leadInRequires,
    },
    main: compileRegex(spec.regex, spec.flags),
    requires: spec.requires === undefined ? null : compileRegex(spec.requires, spec.flags),
    excludes: spec.excludes === undefined ? null : compileRegex(spec.excludes, spec.flags),
    leadInRequires: spec.leadInRequires === undefined ? null : compileRegex(spec.leadInRequires, spec.flags),
  };
  compiledSpecs.set(spec, compiled);
  return compiled;
}

/**
 * Where `spec` matches in `text`: the span of its main expression, or null when it does not match,
 * its `requires` expression is absent, or its `excludes` expression is present anywhere in `text`.
 */
export function matchSpec(spec: MatchSpec, text: string): { start: number; end: number } | null {
  const c = compiledSpec(spec);
  const found = c.main.exec(text);
  if (!found) return null;
  if (c.requires && !c.requires.test(text)) return null;
  if (c.excludes?.test(text)) return null;
  return { start: found.index, end: found.index + found[0].length };
}

/**
 * Whether a provision mentions the subject of `type` (see `SubjectSchema`): its `subject` matches the provision's
 * text read after its lead-in `context`, so that the gate's `requires` and `excludes` see both. True for a type
 * without a subject.
 */
export function mentionsSubject(type: ClauseType, text: string, context?: string): boolean {
  const subject = type.subject;
  if (!subject) return true;
  if (context === undefined) return matchSpec(subject, text) !== null;
  // A list item is read with its lead-in (READING.md): "worldwide, which means…" under "The licence that we give you
  // is:" is the user's licence, not one to the user's content.
  return matchSpec(subject, `${context}\n${text}`) !== null;
}

/**
 * Whether a pattern's `leadInRequires` is met by the provision's lead-in `context` (a table row's header row, a
 * list item's introducing sentence). True for a pattern without one; false for one without a lead-in to read.
 */
export function leadInAllows(pattern: Pattern, context?: string): boolean {
  if (pattern.leadInRequires === undefined) return true;
  return context !== undefined && compiledSpec(pattern).leadInRequires!.test(context);
}

/**
 * Every pattern of `type` that fires on `text`, strongest (highest weight) first; `context` is the provision's
 * lead-in, read by patterns with a `leadInRequires`.
 */
export function matchPatterns(type: ClauseType, text: string, context?: string): PatternHit[] {
  const hits: PatternHit[] = [];
  for (const pattern of type.patterns) {
    if (!leadInAllows(pattern, context)) continue;
    const span = matchSpec(pattern, text);
    if (span) hits.push({ pattern, ...span });
  }
  return hits.sort((a, b) => b.pattern.weight - a.pattern.weight);
}
