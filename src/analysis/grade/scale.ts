/** The two grading scales: a privacy document and a contract are each graded against what is usual for their kind. */
import type { ClassifiedProvision } from "../../model/index.js";
import { MIN_CONFIDENCE } from "./formula.js";

/** Scales, in the order they are published. */
export const GRADE_SCALES = ["privacy", "terms"] as const;
/** Which documents a grade compares a document with. */
export type GradeScale = (typeof GRADE_SCALES)[number];

// Terms types that are about personal data; every other type (terms of service, community guidelines,
// copyright policies…) is a contract with the user.
const PRIVACY_TERMS_TYPE = /privacy|tracker|cookie|personal data|data (processing|protection)|children/i;

/** The scale of a document of this terms type (Open Terms Archive names, e.g. "Trackers Policy" → privacy). */
export function scaleOfTermsType(termsType: string): GradeScale {
  return PRIVACY_TERMS_TYPE.test(termsType) ? "privacy" : "terms";
}

/** Clause-type group of the contract clauses. */
const TERMS_GROUP = "terms";
/**
 * Share of a document's distinct clause types that must be contract clauses for it to be read as terms when its
 * terms type is unknown (`clausewatch analyze <file>`): on the latest versions of the shared corpus this guess
 * matches the terms type of 121 of 126 documents.
 */
const TERMS_SHARE = 0.3;

/** The scale guessed from what a document says, for a text whose terms type is unknown. */
export function inferScale(
  provisions: readonly ClassifiedProvision[],
  groupOf: (type: string) => string | undefined,
): GradeScale {
  const types = new Set<string>();
  for (const p of provisions) {
    for (const c of p.clauses)
      if (c.source === "reviewer" || c.confidence >= MIN_CONFIDENCE) types.add(c.type);
  }
  let terms = 0;
  for (const t of types) if (groupOf(t) === TERMS_GROUP) terms++;
  return types.size > 0 && terms >= TERMS_SHARE * types.size ? "terms" : "privacy";
}
