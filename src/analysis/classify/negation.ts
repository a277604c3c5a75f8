/**
 * Negated practice statements ("we do not sell your data", "we never share…"): the generic signal that turns
 * a clause protective when the taxonomy's own polarity rules say nothing.
 */

// First-party subject, a negation, up to three filler words, then a data-practice verb. Limited to first-party
// subjects on purpose: "you may not…" is a rule imposed on the user, not a promise. Straight and curly apostrophes
// alike ("we don’t collect"). A disclaimer ("we can’t guarantee that unauthorised access…") denies a promise, not a practice.
const NEGATED_PRACTICE =
  /\b(?:we|us|our (?:company|service)s?|the company)\b(?:\s+\w+){0,2}?\s+(?:do not|does not|don['’]t|doesn['’]t|will not|won['’]t|shall not|never|cannot|can['’]t|are not going to|do not and will not|will never)\s+(?!(?:guarantee|warrant|promise|ensure|assure|control)\b)(?:\w+\s+){0,3}?(?:sell|sold|rent|lease|trade|share|disclose|collect|use|track|store|retain|keep|transfer|process|monetize|monetise|read|scan|access|train|profile|target|request|ask for)\b/i;

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

// First-party subject, optional modals, then a verb that hands data over: the practice stated outright.
const AFFIRMED_PRACTICE =
  /\b(?:we|us|our (?:company|service)s?|the company)\b(?:\s+(?:may|might|will|can|could|also|sometimes|often|routinely|occasionally|do|does|would|shall))*\s+(?:sell|sold|rent|lease|trade|share|disclose|monetize|monetise|transfer|provide|give|license)\b/i;
// Anything a protective reading could rest on: a negation or limit, a right, a choice, a notice, an obligation.
const PROTECTIVE_CUE =
  /\b(?:not|never|no|nor|neither|cannot|can['’]t|won['’]t|don['’]t|doesn['’]t|without|except|unless|only|solely|rights?|choices?|choose|opt(?:s|ed|ing)?[- ]?(?:out|in)|controls?|request\w*|consent\w*|protect\w*|secur\w*|limit\w*|restrict\w*|notif\w*|notice|oblig\w*|inform you|tell you)\b/i;

/**
 * Whether a provision states a first-party data practice outright ("we sell your personal data to advertisers")
 * with no word a protective reading could rest on. The text model learns "sell" mostly from "we do not sell"
 * promises, so without this check it reads the bare admission as protective.
 * @param evidence the sentence(s) the classification rests on
 * @param provision the whole provision, searched for protective cues
 */
export function statesPracticeFlatly(evidence: string, provision: string): boolean {
  return AFFIRMED_PRACTICE.test(evidence) && !PROTECTIVE_CUE.test(provision);
}

/**
 * Whether the protective wording of a provision lies outside the sentence(s) a finding rests on: an opt-out, a
 * choice or a limit stated after the practice ("We may process information … so that content can be tailored …
 * You can prevent the processing …"). READING.md's opt-out rule: the practice keeps its own reading and the
 * opt-out is its own protective finding, so the model's protective reading of the whole provision is not the
 * practice's.
 * @param evidence the sentence(s) the classification rests on
 * @param provision the whole provision
 */
export function protectionOnlyElsewhere(evidence: string, provision: string): boolean {
  return !PROTECTIVE_CUE.test(evidence) && PROTECTIVE_CUE.test(provision);
}
