/**
 * Provision analysis of one version's text: segmentation, language check, clause classification,
 * entities and grade. Pure: text in, analysis out.
 */

import { loadTaxonomy } from "../knowledge/index.js";
import type { ClassifiedProvision, Entities } from "../model/index.js";
import { classify } from "./classify/classify.js";
import { loadShippedModel } from "./classify/shipped-model.js";
import { extractEntities } from "./entities/index.js";
import type { DocumentGrade } from "./grade/contributions.js";
import { type GradeScale, gradeDocument, inferScale, scaleOfTermsType } from "./grade/index.js";
import { detectLanguage, type LanguageGuess } from "./language/index.js";
import { segment } from "./segment/index.js";

export type { DocumentGrade } from "./grade/contributions.js";

/** Everything ClauseWatch says about one version of a document. */
export interface DocumentAnalysis {
  language: LanguageGuess;
  provisions: ClassifiedProvision[];
  entities: Entities;
  /** Null when the text was not classified (not English, or empty). */
  grade: DocumentGrade | null;
  /** Honest caveats for the reader, e.g. that classification is English-only. */
  warnings: string[];
}

/** Identity of the analyzer (model training data), stored with results so stale ones can be recomputed. */
export function analyzerId(): string {
  const provenance = loadShippedModel().model.provenance;
  return `clausewatch-classifier:${provenance?.dataHash.slice(0, 16) ?? "unversioned"}`;
}

/** Options of {@link analyzeText}. */
export interface AnalyzeOptions {
  /** Terms type of the document ("Privacy Policy", "Terms of Service"…): chooses the grading scale, else guessed. */
  termsType?: string;
}

/** The grading scale of a document: from its terms type when known, else from the clause types found in it. */
function scaleOf(provisions: readonly ClassifiedProvision[], termsType: string | undefined): GradeScale {
  if (termsType !== undefined) return scaleOfTermsType(termsType);
  const { byId } = loadTaxonomy();
  return inferScale(provisions, (type) => byId.get(type)?.group);
}

/** Analyses a version's Markdown text. */
export function analyzeText(text: string, options: AnalyzeOptions = {}): DocumentAnalysis {
  const language = detectLanguage(text);
  const segments = segment(text);
  const warnings: string[] = [];
  if (segments.length === 0) {
    warnings.push("The document has no readable provisions.");
  }
  // Undecided short texts are classified: a two-line English notice has too few stop words to be sure.
  const classifiable = language.isEnglish || language.language === "und";
  if (!classifiable) {
    warnings.push(
      `The document appears to be in language "${language.language}"; clause classification is English-only, so no clauses are reported.`,
    );
  }
  const provisions = classifiable ? classify(segments, text) : segments.map((p) => ({ ...p, clauses: [] }));
  const entities = extractEntities(text, segments);
  const grade =
    classifiable && provisions.length > 0
      ? gradeDocument(provisions, scaleOf(provisions, options.termsType))
      : null;
  return { language, provisions, entities, grade, warnings };
}

/**
 * The analysis with its provisions' classifications replaced (e.g. corrected by reviewers) and the grade
 * recomputed from them. Entities and language are read from the text alone, so they stand; a text left
 * ungraded (not English, no provisions) stays ungraded.
 */
export function withProvisions(
  analysis: DocumentAnalysis,
  provisions: ClassifiedProvision[],
): DocumentAnalysis {
  return {
    ...analysis,
    provisions,
    grade: analysis.grade ? gradeDocument(provisions, analysis.grade.scale) : null,
  };
}
