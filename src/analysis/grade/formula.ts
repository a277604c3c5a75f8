/** The published grading formula: its constants, and its text generated from them so the two never drift. */
import type { Grade, Polarity, Severity } from "../../model/index.js";
import type { GradeScale } from "./scale.js";

export const MIN_SCORE = 0;
export const MAX_SCORE = 100;

/**
 * Points of one clause type by polarity and severity: concerning clauses subtract; a neutral practice a reader
 * should know about (medium or high) subtracts a little, because a policy that shares data "neutrally" still
 * shares it; protective clauses add.
 */
export const POINTS: Readonly<Record<Polarity, Readonly<Record<Severity, number>>>> = {
  concerning: { high: -12, medium: -6, low: -2 },
  neutral: { high: -4, medium: -2, low: 0 },
  protective: { high: 6, medium: 4, low: 2 },
};

/** Classifications less sure than this are left out (reviewer decisions always count). */
export const MIN_CONFIDENCE = 0.5;

/** Lowest score (0–100) of each grade, best first; below the last one the grade is E. */
export const GRADE_THRESHOLDS: readonly { grade: Grade; minScore: number }[] = [
  { grade: "A", minScore: 80 },
  { grade: "B", minScore: 65 },
  { grade: "C", minScore: 50 },
  { grade: "D", minScore: 35 },
];

/**
 * Per scale, the points a document needs for each grade's lowest score, plus the points that make 0 and 100:
 * scores between these knots are interpolated linearly. A contract's clauses (arbitration, liability limits,
 * termination) are concerning by nature, so the terms scale expects more negative points for the same grade.
 * Calibrated on the latest versions of the 126 documents of the shared corpus with the December 2026 classifier: each
 * grade's mark sits at a quintile of its scale's points (`npm run bench:grades` prints the distribution), so that
 * the letters discriminate; changing them is a change of the published formula. Recalibrated on 7 December 2026
 * after the reading stopped counting unsupported model readings as clear findings (fewer concerning points).
 */
export const SCALE_POINTS: Readonly<
  Record<GradeScale, { zero: number; A: number; B: number; C: number; D: number; hundred: number }>
> = {
  privacy: { zero: -140, D: -60, C: -46, B: -22, A: -6, hundred: 20 },
  terms: { zero: -200, D: -116, C: -108, B: -76, A: -50, hundred: -10 },
};

/** The grade of a score. */
export function gradeForScore(score: number): Grade {
  return GRADE_THRESHOLDS.find((threshold) => score >= threshold.minScore)?.grade ?? "E";
}

/** The 0–100 score of a document's points on its scale (monotonic: more points never lower it). */
export function scoreOfPoints(points: number, scale: GradeScale): number {
  const s = SCALE_POINTS[scale];
  const knots: [number, number][] = [
    [s.zero, MIN_SCORE],
    [s.D, 35],
    [s.C, 50],
    [s.B, 65],
    [s.A, 80],
    [s.hundred, MAX_SCORE],
  ];
  if (points <= s.zero) return MIN_SCORE;
  if (points >= s.hundred) return MAX_SCORE;
  for (let i = 1; i < knots.length; i++) {
    const [x1, y1] = knots[i]!;
    if (points <= x1) {
      const [x0, y0] = knots[i - 1]!;
      return Math.round(y0 + ((points - x0) * (y1 - y0)) / (x1 - x0));
    }
  }
  return MAX_SCORE;
}

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");

const scaleText = (scale: GradeScale, label: string): string => {
  const s = SCALE_POINTS[scale];
  return `${label}: A from ${signed(s.A)} points, B from ${signed(s.B)}, C from ${signed(s.C)}, D from ${signed(s.D)}, E below (0 at ${signed(s.zero)}, 100 at ${signed(s.hundred)})`;
};

/** The document formula in plain words, for the README and the web pages (print it verbatim). */
export const GRADE_FORMULA = [
  "Points = the points of every clause type found in the document.",
  "Each clause type counts once: through its most concerning instance if it has one (an opt-out elsewhere is its own protective finding and does not cancel the practice), otherwise through its strongest instance either way.",
  `Points: concerning clause, high severity ${signed(POINTS.concerning.high)}, medium ${signed(POINTS.concerning.medium)}, low ${signed(POINTS.concerning.low)}; neutral practice, high ${signed(POINTS.neutral.high)}, medium ${signed(POINTS.neutral.medium)}, low 0; protective clause, high ${signed(POINTS.protective.high)}, medium ${signed(POINTS.protective.medium)}, low ${signed(POINTS.protective.low)}.`,
  `Classifications with confidence below ${MIN_CONFIDENCE} are left out; a reviewer's decision always counts.`,
  `Privacy documents (privacy, cookie and tracker policies) and contracts (terms of service and other terms) are graded on their own scales, because a contract is made of clauses that are concerning by nature. ${scaleText("privacy", "Privacy scale")}; ${scaleText("terms", "terms scale")}.`,
  `The points become a score from ${MIN_SCORE} to ${MAX_SCORE} (linear between these marks) and the score a grade: ${GRADE_THRESHOLDS.map((t) => `${t.grade} from ${t.minScore}`).join(", ")}, E below ${GRADE_THRESHOLDS.at(-1)!.minScore}.`,
].join(" ");

/** How a platform's grade is made from its documents' (print it after {@link GRADE_FORMULA}). */
export const PLATFORM_GRADE_FORMULA =
  "A platform's score is the mean of its graded documents' scores, so its grade always lies between its best and its worst document's.";
