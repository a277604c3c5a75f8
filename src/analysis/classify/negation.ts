/**
 * Negated practice statements ("we do not sell your data", "we never share…"): the generic signal that turns
 * a clause protective when the taxonomy's own polarity rules say nothing.
 */

// First-party subject, a negation, up to three filler words, then a data-practice verb. Limited to first-party
// subjects on purpose: "you may not…" is a rule imposed on the user, not a promise.
const NEGATED_PRACTICE =
  /\b(?:we|us|our (?:company|service)s?|the company)\b(?:\s+\w+){0,2}?\s+(?:do not|does not|don't|doesn't|will not|won't|shall not|never|cannot|can't|are not going to|do not and will not|will never)\s+(?:\w+\s+){0,3}?(?:sell|sold|rent|lease|trade|share|disclose|collect|use|track|store|retain|keep|transfer|process|monetize|monetise|read|scan|access|train|profile|target|request|ask for)\b/i;

// Carve-outs that take most of the promise back.
const CARVE_OUT =
  /\b(?:except|unless|other than|apart from|save for|without (?:first )?(?:obtaining )?your)\b/i;
// The consent carve-out is still a limit in the user's favour, so it keeps the protective reading.
const CONSENT_ONLY =
  /\bwithout (?:first )?(?:obtaining )?your (?:express |explicit |prior )*(?:consent|permission)\b/i;

/** A negated practice found in a sentence, with the words that triggered it. */
export interface NegatedPractice {
  cue: string;
  start: number;
  end: number;
}

/**
 * The negated first-party practice in `sentence`, or null. A carve-out ("except", "unless", "other than") in
 * the same sentence cancels it, except the consent carve-out ("without your consent").
 */
export function findNegatedPractice(sentence: string): NegatedPractice | null {
  const match = NEGATED_PRACTICE.exec(sentence);
  if (!match) return null;
  const rest = sentence.slice(match.index);
  const carve = CARVE_OUT.exec(rest);
  if (carve && !CONSENT_ONLY.test(rest.slice(carve.index))) return null;
  return { cue: match[0], start: match.index, end: match.index + match[0].length };
}
