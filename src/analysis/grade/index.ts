/** Transparent A–E grading of documents and platforms. */

export type {
  DocumentGrade,
  GradeContribution,
  PlatformContribution,
  PlatformGrade,
} from "./contributions.js";
export {
  GRADE_FORMULA,
  GRADE_THRESHOLDS,
  gradeForScore,
  MAX_SCORE,
  MIN_CONFIDENCE,
  MIN_SCORE,
  PLATFORM_GRADE_FORMULA,
  POINTS,
  SCALE_POINTS,
  scoreOfPoints,
} from "./formula.js";
export { gradeDocument } from "./grade-document.js";
export { gradePlatform } from "./grade-platform.js";
export { GRADE_SCALES, type GradeScale, inferScale, scaleOfTermsType } from "./scale.js";
