/** Contributions of clause types to a grade, and the score they make. */
import type { Grade, Polarity, Severity } from "../../model/index.js";
import { BASE_SCORE, MAX_SCORE, MIN_SCORE } from "./formula.js";

/** One clause type's share of a grade, linked to the provision of its strongest instance. */
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
  score: number;
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
  contributions: PlatformContribution[];
}

/** Whether `candidate` replaces `current` as the strongest instance of its clause type. */
function stronger<T extends GradeContribution>(candidate: T, current: T | undefined): boolean {
  if (!current) return true;
  const a = Math.abs(candidate.points);
  const b = Math.abs(current.points);
  if (a !== b) return a > b;
  // Equal weight either way: the concerning reading wins, so that a protective mention cannot hide it.
  return candidate.points < current.points;
}

/** Strongest instance per clause type (first seen wins ties), then the score they make: the core of the formula. */
export function score<T extends GradeContribution>(
  instances: Iterable<T>,
): { score: number; contributions: T[] } {
  const best = new Map<string, T>();
  for (const instance of instances) {
    if (stronger(instance, best.get(instance.type))) best.set(instance.type, instance);
  }
  const contributions = [...best.values()]
    .filter((c) => c.points !== 0)
    .sort((a, b) => a.points - b.points || a.type.localeCompare(b.type));
  const total = BASE_SCORE + contributions.reduce((sum, c) => sum + c.points, 0);
  return { score: Math.min(MAX_SCORE, Math.max(MIN_SCORE, total)), contributions };
}
