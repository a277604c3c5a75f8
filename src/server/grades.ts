/**
 * Grades as shown: each document's stored grade, and the platform's grade computed from them by the
 * analysis module's published formula (src/analysis/grade), so pages never invent a formula of their own.
 */
import { type DocumentGrade, gradePlatform, type PlatformGrade } from "../analysis/grade/index.js";
import type { Grade } from "../model/index.js";

const GRADES = new Set(["A", "B", "C", "D", "E"]);

/** A document grade rebuilt from stored fields, or null when the document is not graded (or stored differently). */
export function documentGradeOf(d: {
  grade: string | null;
  score: number | null;
  gradeDetails: unknown;
}): DocumentGrade | null {
  if (d.grade === null || !GRADES.has(d.grade) || d.score === null) return null;
  const details = d.gradeDetails as { formula?: unknown; contributions?: unknown } | null;
  if (!details || typeof details.formula !== "string" || !Array.isArray(details.contributions)) return null;
  return {
    grade: d.grade as Grade,
    score: d.score,
    formula: details.formula,
    contributions: details.contributions as DocumentGrade["contributions"],
  };
}

/** The platform grade over its graded documents (null when none is graded). */
export function platformGradeOf(
  documents: readonly { grade: string | null; score: number | null; gradeDetails: unknown }[],
): {
  grade: PlatformGrade;
  /** Indexes into `documents` of the graded documents, in the order given to the formula. */
  graded: number[];
} | null {
  const graded: number[] = [];
  const grades: DocumentGrade[] = [];
  documents.forEach((d, i) => {
    const g = documentGradeOf(d);
    if (g) {
      graded.push(i);
      grades.push(g);
    }
  });
  return grades.length ? { grade: gradePlatform(grades), graded } : null;
}
