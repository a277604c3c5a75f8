/** Plain-language explanation of a classified provision. */

import { PLACEHOLDERS } from "../../knowledge/vocabulary.js";
import type { Classification, Entities, Provision } from "../../model/index.js";
import { isPrivacyAddress } from "../entities/index.js";
import { ExplainError } from "./errors.js";
import type { ExplainableClauseType, ExplainOptions, Explanation } from "./explainable.js";
import { specificsFor } from "./specifics.js";

/**
 * The document's privacy contact: an address written in the provision itself if it is a privacy address,
 * else the first privacy address of the document. Never a general address (support@, copyright@): better
 * the generic wording than a wrong recipient.
 */
function privacyContact(entities: Entities, provision: Provision): string | null {
  // Lower-cased once, not once per address of the document.
  const lower = entities.emails.length > 0 ? provision.text.toLowerCase() : "";
  const inProvision = entities.emails.find((email) => lower.includes(email) && isPrivacyAddress(email));
  return inProvision ?? entities.emails.find(isPrivacyAddress) ?? null;
}

/**
 * Writes the values into the placeholders. A generic fallback ("the platform") that opens a sentence is
 * capitalised; a real name ("edX") is kept as written.
 */
function fill(text: string, values: Record<keyof typeof PLACEHOLDERS, string>): string {
  // Three texts in four have no placeholder: nothing to replace, and no expression to run.
  if (!text.includes("{")) return text;
  return text.replace(
    /\{(platform|contact)\}/g,
    (_match, name: keyof typeof PLACEHOLDERS, offset: number) => {
      const value = values[name];
      const opensSentence = offset === 0 || /[.!?:]\s+$/.test(text.slice(Math.max(0, offset - 3), offset));
      return opensSentence && value === PLACEHOLDERS[name]
        ? value.charAt(0).toUpperCase() + value.slice(1)
        : value;
    },
  );
}

/**
 * Explains a classification in plain language from its clause type's knowledge record, with the
 * specifics of the document written in: the platform's name, its privacy contact address in "what you can
 * do", and the third parties, retention periods, places, data and contacts that the provision (or, where
 * relevant, the rest of the document) names. Nothing is said that the text does not say.
 * @throws ExplainError when `clauseType` is not the record of `classification.type`.
 */
export function explain(
  classification: Classification,
  clauseType: ExplainableClauseType,
  entities: Entities,
  provision: Provision,
  options: ExplainOptions = {},
): Explanation {
  if (clauseType.id !== classification.type) {
    throw new ExplainError(
      `clause type record "${clauseType.id}" does not match classification "${classification.type}"`,
    );
  }
  const contact = privacyContact(entities, provision);
  const values = {
    platform: options.platformName ?? PLACEHOLDERS.platform,
    contact: contact ?? PLACEHOLDERS.contact,
  };
  const texts = clauseType.explanation;
  const whatYouCanDo = texts.whatYouCanDo.map((action) => fill(action, values));
  if (contact && !texts.whatYouCanDo.some((action) => action.includes("{contact}"))) {
    whatYouCanDo.push(
      `Questions about this clause can go to the privacy address given in the document: ${contact}.`,
    );
  }
  return {
    whatItIs: fill(texts.whatItIs, values),
    whyItMatters: fill(texts.whyItMatters, values),
    consumerImpact: fill(texts.consumerImpact, values),
    whatYouCanDo,
    specifics: specificsFor(classification, entities, provision),
  };
}
