/** Turns a type's defaults, the patterns that fired and its rules into a polarity and a severity. */
import { matchSpec, type PatternHit } from "./match-patterns.js";
import type { ClauseType, Polarity, Severity } from "./schema.js";
import { SEVERITIES } from "./vocabulary.js";

/** A decided value and the human-readable reasons that decided it (empty when it is the default). */
export interface Resolved<T> {
  value: T;
  reasons: string[];
}

/**
 * Polarity of a provision classified as `type`: the first polarity rule that matches `text` wins;
 * otherwise the strongest hit whose pattern declares a polarity; otherwise the type's default.
 */
export function resolvePolarity(
  type: ClauseType,
  text: string,
  hits: readonly PatternHit[] = [],
  leadIn?: string,
): Resolved<Polarity> {
  // Joined only for a rule that reads the lead-in: few do, and this runs for every finding.
  let withLeadIn: string | undefined;
  for (const rule of type.polarityRules) {
    let read = text;
    if (rule.leadIn && leadIn) {
      withLeadIn ??= `${leadIn}\n${text}`;
      read = withLeadIn;
    }
    if (matchSpec(rule, read)) return { value: rule.to, reasons: [rule.reason] };
  }
  const declared = [...hits]
    .sort((a, b) => b.pattern.weight - a.pattern.weight)
    .find((hit) => hit.pattern.polarity);
  if (declared?.pattern.polarity) {
    return { value: declared.pattern.polarity, reasons: [`pattern ${declared.pattern.id}`] };
  }
  return { value: type.defaultPolarity, reasons: [] };
}

function step(severity: Severity, by: 1 | -1): Severity {
  const index = Math.min(SEVERITIES.length - 1, Math.max(0, SEVERITIES.indexOf(severity) + by));
  return SEVERITIES[index] ?? severity;
}

const rank = (severity: Severity): number => SEVERITIES.indexOf(severity);

/**
 * Severity of a provision classified as `type`. The base is the strongest hit's declared severity, else the
 * default. Lower rules that match bring it down (to their `to`, else one step); raise rules that match then
 * bring it up (to their `to`, else one step above the base). Raising wins over lowering, because a provision
 * that both reassures and exposes should be read at its worst.
 */
export function resolveSeverity(
  type: ClauseType,
  text: string,
  hits: readonly PatternHit[] = [],
): Resolved<Severity> {
  const declared = [...hits]
    .sort((a, b) => b.pattern.weight - a.pattern.weight)
    .find((hit) => hit.pattern.severity);
  const base = declared?.pattern.severity ?? type.defaultSeverity;
  const reasons = declared ? [`pattern ${declared.pattern.id}`] : [];
  let value = base;
  for (const rule of type.severityRules.lower) {
    if (!matchSpec(rule, text)) continue;
    const target = rule.to ?? step(base, -1);
    reasons.push(rule.reason);
    if (rank(target) < rank(value)) value = target;
  }
  for (const rule of type.severityRules.raise) {
    if (!matchSpec(rule, text)) continue;
    const target = rule.to ?? step(base, 1);
    reasons.push(rule.reason);
    if (rank(target) > rank(value)) value = target;
  }
  return { value, reasons };
}
