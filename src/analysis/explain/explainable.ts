/** What the explainer needs from a clause type record (the knowledge base's `ClauseType` satisfies it). */
import type { Sector } from "../../knowledge/index.js";

/** An action for every platform, or only for platforms of the sectors listed. */
export type ExplanationAction = string | { text: string; sectors: readonly string[] };

/**
 * Plain-language texts of a clause type; prose may carry the placeholders of the knowledge base's vocabulary
 * (`{platform}`, `{contact}` and the sector nouns).
 */
export interface ExplanationTexts {
  whatItIs: string;
  whyItMatters: string;
  consumerImpact: string;
  whatYouCanDo: readonly ExplanationAction[];
}

/** Explanation texts written for one platform: placeholders filled, actions of its sector only. */
export interface FilledTexts {
  whatItIs: string;
  whyItMatters: string;
  consumerImpact: string;
  whatYouCanDo: string[];
}

/** The fields of a knowledge-base clause type that explanations are made from. */
export interface ExplainableClauseType {
  id: string;
  name: string;
  explanation: ExplanationTexts;
}

/** A provision's explanation: the knowledge base's words with the document's specifics filled in. */
export interface Explanation extends FilledTexts {
  /** Concrete actions; the privacy contact found in the document is written in when there is one. */
  whatYouCanDo: string[];
  /** Facts taken from the provision and the document (third parties, periods, places, data, contacts, quote). */
  specifics: string[];
}

/** Options of `explain`. */
export interface ExplainOptions {
  /** The platform's name, for `{platform}`; otherwise "the platform". */
  platformName?: string;
  /** The platform's sector, for the sector nouns; otherwise the knowledge base's default sector. */
  sector?: Sector;
}
