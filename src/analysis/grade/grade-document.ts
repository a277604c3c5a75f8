/** The grade of one document. */
import type { ClassifiedProvision } from "../../model/index.js";
import { type DocumentGrade, type GradeContribution, tally } from "./contributions.js";
import { GRADE_FORMULA, gradeForScore, MIN_CONFIDENCE, POINTS, scoreOfPoints } from "./formula.js";
import type { GradeScale } from "./scale.js";

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
 * Grades a document on its scale from its classified provisions with the published {@link GRADE_FORMULA}. Adding
 * a concerning clause can never raise the grade, and repeating a clause never changes it. A document where
 * nothing was found has no contributions: callers should say so rather than show the grade alone.
 */
export function gradeDocument(provisions: readonly ClassifiedProvision[], scale: GradeScale): DocumentGrade {
  const { points, contributions } = tally(instancesOf(provisions));
  const score = scoreOfPoints(points, scale);
  return { grade: gradeForScore(score), score, points, scale, formula: GRADE_FORMULA, contributions };
}
