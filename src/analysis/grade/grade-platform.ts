/** The grade of a platform, over all its documents. */
import type { DocumentGrade, PlatformContribution, PlatformGrade } from "./contributions.js";
import { GRADE_FORMULA, gradeForScore, PLATFORM_GRADE_FORMULA } from "./formula.js";

/**
 * Grades a platform from its documents' grades: the mean of their scores, so the platform's grade is never
 * better than its best document's nor worse than its worst. Null without a graded document.
 */
export function gradePlatform(
  documentGrades: readonly Pick<DocumentGrade, "score" | "contributions">[],
): PlatformGrade | null {
  if (documentGrades.length === 0) return null;
  const score = Math.round(documentGrades.reduce((sum, d) => sum + d.score, 0) / documentGrades.length);
  const contributions: PlatformContribution[] = documentGrades
    .flatMap((document, documentIndex) => document.contributions.map((c) => ({ ...c, documentIndex })))
    .sort((a, b) => a.points - b.points || a.type.localeCompare(b.type) || a.documentIndex - b.documentIndex);
  return {
    grade: gradeForScore(score),
    score,
    formula: `${GRADE_FORMULA} ${PLATFORM_GRADE_FORMULA}`,
    contributions,
  };
}
