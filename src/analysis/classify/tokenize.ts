/** Word tokenisation shared by training and prediction, so both see exactly the same features. */

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

/**
 * Normalises one raw token. Years are folded into one symbol because dates say nothing about the clause type,
 * while other numbers ("13", "30 days") do.
 */
export function normaliseToken(raw: string): string {
  const lower = raw.toLowerCase().replace(/’/g, "'");
  return YEAR.test(lower) ? "<year>" : lower;
}

/** Tokens of `text` with their offsets; `norms` equals `words(text)`. */
export function tokenize(text: string): Tokens {
  const tokens: Tokens = { norms: [], starts: [], ends: [] };
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    tokens.norms.push(normaliseToken(match[0]));
    tokens.starts.push(start);
    tokens.ends.push(start + match[0].length);
  }
  return tokens;
}

/** Normalised tokens only: the fast path used when offsets are not needed. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(TOKEN)) out.push(normaliseToken(match[0]));
  return out;
}
