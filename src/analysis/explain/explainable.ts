/** What the explainer needs from a clause type record (the knowledge base's `ClauseType` satisfies it). */

/** Plain-language texts of a clause type; prose may carry `{platform}` and `{contact}` placeholders. */
export interface ExplanationTexts {
  whatItIs: string;
  whyItMatters: string;
  consumerImpact: string;
  whatYouCanDo: readonly string[];
}

/** The fields of a knowledge-base clause type that explanations are made from. */
export interface ExplainableClauseType {
  id: string;
  name: string;
  explanation: ExplanationTexts;
}

/** A provision's explanation: the knowledge base's words with the document's specifics filled in. */
export interface Explanation {
  whatItIs: string;
  whyItMatters: string;
  consumerImpact: string;
  /** Concrete actions; the privacy contact found in the document is written in when there is one. */
  whatYouCanDo: string[];
  /** Facts taken from the provision and the document (third parties, periods, places, data, contacts, quote). */
  specifics: string[];
}

/** Options of `explain`. */
export interface ExplainOptions {
  /** The platform's name, for `{platform}`; otherwise "the platform". */
  platformName?: string;
}
