/** Word tokenisation shared by training and prediction, so both see exactly the same features. */

/** A token and where it sits in the text it came from. */
export interface Token {
  /** Normalised form: lower case, typographic apostrophes folded. */
  norm: string;
  start: number;
  end: number;
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

/** Tokens of `text` with their offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    tokens.push({ norm: normaliseToken(match[0]), start, end: start + match[0].length });
  }
  return tokens;
}

/** Normalised tokens only: the fast path used when offsets are not needed. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(TOKEN)) out.push(normaliseToken(match[0]));
  return out;
}
