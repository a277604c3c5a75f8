/**
 * Grades as shown: each document's stored grade, and the platform's grade computed from them by the
 * analysis module's published formula (src/analysis/grade), so pages never invent a formula of their own.
 */
import {
  type DocumentGrade,
  type GradeContribution,
  gradePlatform,
  type PlatformGrade,
} from "../analysis/grade/index.js";

const GRADES = new Set(["A", "B", "C", "D", "E"]);

interface StoredGrade {
  grade: string | null;
  score: number | null;
  gradeDetails: unknown;
}

/** The stored contributions, or none when the details were not read (light listings) or are malformed. */
function contributionsOf(details: unknown): GradeContribution[] {
  const list = (details as { contributions?: unknown } | null)?.contributions;
  return Array.isArray(list) ? (list as GradeContribution[]) : [];
}

/**
 * The platform grade over its graded documents (null when none is graded). Only the documents' scores make it,
 * so listings that leave the contributions out still show it.
 */
export function platformGradeOf(documents: readonly StoredGrade[]): {
  grade: PlatformGrade;
  /** Indexes into `documents` of the graded documents, in the order given to the formula. */
  graded: number[];
} | null {
  const graded: number[] = [];
  const grades: Pick<DocumentGrade, "score" | "contributions">[] = [];
  documents.forEach((d, i) => {
    if (d.grade === null || !GRADES.has(d.grade) || d.score === null) return;
    graded.push(i);
    grades.push({ score: d.score, contributions: contributionsOf(d.gradeDetails) });
  });
  const grade = gradePlatform(grades);
  return grade ? { grade, graded } : null;
}
