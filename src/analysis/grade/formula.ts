/** The published grading formula: its constants, and its text generated from them so the two never drift. */
import type { Grade, Polarity, Severity } from "../../model/index.js";

/** Score of a document in which no clause type was found. */
export const BASE_SCORE = 50;
export const MIN_SCORE = 0;
export const MAX_SCORE = 100;

/** Points of one clause type by polarity and severity: concerning clauses subtract, protective ones add. */
export const POINTS: Readonly<Record<Polarity, Readonly<Record<Severity, number>>>> = {
  concerning: { high: -12, medium: -6, low: -2 },
  protective: { high: 6, medium: 4, low: 2 },
  neutral: { high: 0, medium: 0, low: 0 },
};

/** Classifications less sure than this are left out (reviewer decisions always count). */
export const MIN_CONFIDENCE = 0.5;

/** Lowest score of each grade, best first; below the last one the grade is E. */
export const GRADE_THRESHOLDS: readonly { grade: Grade; minScore: number }[] = [
  { grade: "A", minScore: 80 },
  { grade: "B", minScore: 65 },
  { grade: "C", minScore: 50 },
  { grade: "D", minScore: 35 },
];

/** The grade of a score. */
export function gradeForScore(score: number): Grade {
  return GRADE_THRESHOLDS.find((threshold) => score >= threshold.minScore)?.grade ?? "E";
}

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");

/** The document formula in plain words, for the README and the web pages (print it verbatim). */
export const GRADE_FORMULA = [
  `Score = ${BASE_SCORE} + the points of every clause type found in the document, kept between ${MIN_SCORE} and ${MAX_SCORE}.`,
  "Each clause type counts once, through its strongest instance (the one with the most points either way; on a tie the concerning one, then the first in the document), so a clause repeated in a long document does not count twice.",
  `Points: concerning clause, high severity ${signed(POINTS.concerning.high)}, medium ${signed(POINTS.concerning.medium)}, low ${signed(POINTS.concerning.low)}; protective clause, high ${signed(POINTS.protective.high)}, medium ${signed(POINTS.protective.medium)}, low ${signed(POINTS.protective.low)}; neutral clause 0.`,
  `Classifications with confidence below ${MIN_CONFIDENCE} are left out; a reviewer's decision always counts.`,
  `Grade: ${GRADE_THRESHOLDS.map((t) => `${t.grade} from ${t.minScore}`).join(", ")}, E below ${GRADE_THRESHOLDS.at(-1)!.minScore}.`,
].join(" ");

/** How a platform's grade is made from its documents' (print it after {@link GRADE_FORMULA}). */
export const PLATFORM_GRADE_FORMULA =
  "A platform's score applies the same formula to all its documents together: each clause type counts once, through its strongest instance in any of the platform's documents.";
