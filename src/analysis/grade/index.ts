/** Transparent A–E grading of documents and platforms. */

export type {
  DocumentGrade,
  GradeContribution,
  PlatformContribution,
  PlatformGrade,
} from "./contributions.js";
export {
  BASE_SCORE,
  GRADE_FORMULA,
  GRADE_THRESHOLDS,
  gradeForScore,
  MAX_SCORE,
  MIN_CONFIDENCE,
  MIN_SCORE,
  PLATFORM_GRADE_FORMULA,
  POINTS,
} from "./formula.js";
export { gradeDocument } from "./grade-document.js";
export { gradePlatform } from "./grade-platform.js";
