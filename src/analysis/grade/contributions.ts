/** Contributions of clause types to a grade, and the points they make. */
import type { Grade, Polarity, Severity } from "../../model/index.js";
import type { GradeScale } from "./scale.js";

/** One clause type's share of a grade, linked to the provision of the instance that counts. */
export interface GradeContribution {
  provisionIndex: number;
  /** Stable key of that provision, to link it across versions. */
  provisionKey: string;
  /** Clause type id. */
  type: string;
  polarity: Polarity;
  severity: Severity;
  points: number;
}

/** The grade of one document. */
export interface DocumentGrade {
  grade: Grade;
  /** 0–100, from {@link points} on the document's {@link scale}. */
  score: number;
  /** Sum of the contributions' points. */
  points: number;
  scale: GradeScale;
  /** {@link GRADE_FORMULA}, verbatim. */
  formula: string;
  /** One per clause type with non-zero points, most negative first. */
  contributions: GradeContribution[];
}

/** A contribution to a platform's grade: which document (index into the input) it comes from. */
export interface PlatformContribution extends GradeContribution {
  documentIndex: number;
}

/** The grade of a platform, over all its documents. */
export interface PlatformGrade {
  grade: Grade;
  score: number;
  /** {@link GRADE_FORMULA} followed by {@link PLATFORM_GRADE_FORMULA}. */
  formula: string;
  /** Every document's contributions, most negative first. */
  contributions: PlatformContribution[];
}

/**
 * Whether `candidate` replaces `current` as the instance that counts for its clause type: a concerning instance
 * beats any other (an opt-out does not make sharing protective), then the stronger either way, then, on equal
 * weight, the more negative, so that a protective mention cannot hide a practice.
 */
function counts<T extends GradeContribution>(candidate: T, current: T | undefined): boolean {
  if (!current) return true;
  const concerning = candidate.polarity === "concerning";
  if (concerning !== (current.polarity === "concerning")) return concerning;
  const a = Math.abs(candidate.points);
  const b = Math.abs(current.points);
  if (a !== b) return a > b;
  return candidate.points < current.points;
}

/** The instance that counts per clause type (first seen wins ties), and their points: the core of the formula. */
export function tally<T extends GradeContribution>(
  instances: Iterable<T>,
): { points: number; contributions: T[] } {
  const best = new Map<string, T>();
  for (const instance of instances) {
    if (counts(instance, best.get(instance.type))) best.set(instance.type, instance);
  }
  const contributions = [...best.values()]
    .filter((c) => c.points !== 0)
    .sort((a, b) => a.points - b.points || a.type.localeCompare(b.type));
  return { points: contributions.reduce((sum, c) => sum + c.points, 0), contributions };
}
