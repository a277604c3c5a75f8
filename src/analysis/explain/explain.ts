/** Plain-language explanation of a classified provision. */

import type { Classification, Entities, Provision } from "../../model/index.js";
import { isPrivacyAddress } from "../entities/index.js";
import { ExplainError } from "./errors.js";
import type { ExplainableClauseType, ExplainOptions, Explanation } from "./explainable.js";
import { explanationTexts } from "./fill-template.js";
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
 * Explains a classification in plain language from its clause type's knowledge record, with the
 * specifics of the document written in: the platform's name and its sector's nouns, its privacy contact
 * address in "what you can do", and the third parties, retention periods, places, data and contacts that the
 * provision (or, where relevant, the rest of the document) names. Nothing is said that the text does not say.
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
  // Facts and the result are built field by field: on Node 20 an object spread costs about a microsecond, a
  // sizeable part of an explanation.
  const texts = explanationTexts(clauseType.explanation, {
    platformName: options.platformName,
    sector: options.sector,
    contact,
  });
  if (contact && !texts.whatYouCanDo.some((action) => action.includes(contact))) {
    texts.whatYouCanDo.push(
      `Questions about this clause can go to the privacy address given in the document: ${contact}.`,
    );
  }
  return {
    whatItIs: texts.whatItIs,
    whyItMatters: texts.whyItMatters,
    consumerImpact: texts.consumerImpact,
    whatYouCanDo: texts.whatYouCanDo,
    specifics: specificsFor(classification, entities, provision),
  };
}
