/** The grade of one document. */
import type { ClassifiedProvision } from "../../model/index.js";
import { type DocumentGrade, type GradeContribution, score } from "./contributions.js";
import { BASE_SCORE, GRADE_FORMULA, gradeForScore, MIN_CONFIDENCE, POINTS } from "./formula.js";

function* instancesOf(provisions: readonly ClassifiedProvision[]): Generator<GradeContribution> {
  for (const provision of provisions) {
    for (const clause of provision.clauses) {
      if (clause.source !== "reviewer" && clause.confidence < MIN_CONFIDENCE) continue;
      yield {
        provisionIndex: provision.index,
        provisionKey: provision.key,
        type: clause.type,
        polarity: clause.polarity,
        severity: clause.severity,
        points: POINTS[clause.polarity][clause.severity],
      };
    }
  }
}

/**
 * Grades a document from its classified provisions with the published {@link GRADE_FORMULA}. Adding a
 * concerning clause can never raise the grade, and repeating a clause never changes it. A document where
 * nothing was found scores {@link BASE_SCORE} with no contributions: callers should say so rather than
 * show the grade alone.
 */
export function gradeDocument(provisions: readonly ClassifiedProvision[]): DocumentGrade {
  const result = score(instancesOf(provisions));
  return {
    grade: gradeForScore(result.score),
    score: result.score,
    formula: GRADE_FORMULA,
    contributions: result.contributions,
  };
}
