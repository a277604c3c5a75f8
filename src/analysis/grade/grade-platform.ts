/** The grade of a platform, over all its documents. */
import { type DocumentGrade, type PlatformGrade, score } from "./contributions.js";
import { GRADE_FORMULA, gradeForScore, PLATFORM_GRADE_FORMULA } from "./formula.js";

/** Grades a platform from its documents' grades: the same formula over all their clause types together. */
export function gradePlatform(documentGrades: readonly DocumentGrade[]): PlatformGrade {
  const instances = documentGrades.flatMap((document, documentIndex) =>
    document.contributions.map((c) => ({ ...c, documentIndex })),
  );
  const result = score(instances);
  return {
    grade: gradeForScore(result.score),
    score: result.score,
    formula: `${GRADE_FORMULA} ${PLATFORM_GRADE_FORMULA}`,
    contributions: result.contributions,
  };
}
