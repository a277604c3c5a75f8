/** Word tokenisation shared by training and prediction, so both see exactly the same features. */
import { bmpLetterOrDigit, hasSurrogates } from "../../util/letters.js";

/** The tokens of a text as parallel arrays (no object per token): normalised forms and their offsets. */
export interface Tokens {
  /** Normalised forms: lower case, typographic apostrophes folded, years as "<year>". */
  norms: string[];
  starts: number[];
  ends: number[];
}

// Letters or digits, optionally joined by an apostrophe ("don't", "user's") or a dot inside numbers ("1.5").
const TOKEN = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;
const YEAR = /^(?:19|20)\d\d$/;
let fastToken: RegExp | null = null;

/** TOKEN, or its faster non-`u` twin when the text has no surrogates (then both find the same tokens). */
function tokenRegex(text: string): RegExp {
  if (hasSurrogates(text)) return TOKEN;
  if (!fastToken) {
    const letter = `[${bmpLetterOrDigit()}]`;
    fastToken = new RegExp(`${letter}+(?:['’.]${letter}+)*`, "g");
  }
  return fastToken;
}

/**
 * Normalises one raw token. Years are folded into one symbol because dates say nothing about the clause type,
 * while other numbers ("13", "30 days") do.
 */
export function normaliseToken(raw: string): string {
  let lower = raw.toLowerCase();
  if (lower.includes("’")) lower = lower.replace(/’/g, "'");
  return lower.length === 4 && YEAR.test(lower) ? "<year>" : lower;
}

/** Tokens of `text` with their offsets; `norms` equals `words(text)`. */
export function tokenize(text: string): Tokens {
  const tokens: Tokens = { norms: [], starts: [], ends: [] };
  // exec on the shared global regex rather than matchAll, which clones the regex on every call.
  const regex = tokenRegex(text);
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    tokens.norms.push(normaliseToken(match[0]));
    tokens.starts.push(match.index);
    tokens.ends.push(match.index + match[0].length);
  }
  return tokens;
}

/** Normalised tokens only: the fast path used when offsets are not needed. */
export function words(text: string): string[] {
  const out: string[] = [];
  const regex = tokenRegex(text);
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) out.push(normaliseToken(match[0]));
  return out;
}
