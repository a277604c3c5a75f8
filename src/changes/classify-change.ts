/**
 * Noise vs substance of one provision change, and its severity.
 * technical: only extraction artefacts differ; minor: date stamps, typos, punctuation and typography, links,
 * labels, tracking parameters, case, a provision moved; substantive: anything else, weighed by severity.ts.
 */
import type { ChangeKind } from "../model/index.js";
import type { ChangeContext } from "./change-context.js";
import type { ProvisionChangeEntry } from "./diff-provisions.js";
import { type ChangeSides, type NoiseReason, noiseOf } from "./noise.js";
import { type Weight, weighChange } from "./severity.js";

/** Verdict on one provision change. */
export interface ChangeAssessment extends Weight {
  kind: ChangeKind;
  /** Set when the change is technical or minor: what kind of noise it is. */
  noise: NoiseReason | null;
}

/**
 * Classifies one provision change (before null: added; after null: removed; equal texts: moved).
 * `context` (with the positions) enables the checks beyond the provision: text still said next to where it
 * was, clause type or term already in the document. Without it each change is judged alone.
 * Technical and minor changes are low severity.
 */
export function classifyChange(change: ChangeSides, context?: ChangeContext): ChangeAssessment {
  const noise = noiseOf(change, context);
  if (noise) {
    return {
      kind: noise.kind,
      noise: noise.noise,
      severity: "low",
      gainedConcerning: [],
      lostProtective: [],
      termsAdded: [],
      termsRemoved: [],
      termsRelevant: false,
      reasons: [noise.noise],
    };
  }
  return { kind: "substantive", noise: null, ...weighChange(change.before, change.after, context) };
}

/** A provision change with its verdict. */
export interface AssessedChange extends ProvisionChangeEntry {
  assessment: ChangeAssessment;
}

/**
 * A substantive change re-judged as noise once the whole record shows what it is (a layout change, a return
 * to an earlier text, a new extraction scope, a one-word rewording): low severity. Returns a new value.
 */
export function demote(
  c: AssessedChange,
  kind: Exclude<ChangeKind, "substantive">,
  noise: NoiseReason,
): AssessedChange {
  return { ...c, assessment: { ...c.assessment, kind, severity: "low", noise } };
}
