/** Word tokenisation shared by training and prediction, so both see exactly the same features. */
import { bmpCharClasses, hasSurrogates } from "../../util/letters.js";

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
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const DOT = 0x2e;

/**
 * Calls `emit(start, end, lower)` for each token of `text`, in order: the matches of TOKEN; `lower` is true when
 * the token is made of ASCII lower-case letters, digits, "'" and "." only (its own normalised form but for years).
 * Texts without surrogates are scanned by code unit over a class table (no regex, no match objects: this is the
 * first loop of classifying a provision); others run TOKEN itself, whose `u` flag reads astral letters.
 */
export function eachToken(text: string, emit: (start: number, end: number, lower: boolean) => void): void {
  if (hasSurrogates(text)) {
    // exec on the shared global regex rather than matchAll, which clones the regex on every call.
    TOKEN.lastIndex = 0;
    for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text))
      emit(match.index, match.index + match[0].length, false);
    return;
  }
  const classes = bmpCharClasses();
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (classes[text.charCodeAt(i)] === 0) {
      i++;
      continue;
    }
    const start = i;
    let lower = true;
    for (;;) {
      let c = text.charCodeAt(i);
      while (i < n && classes[c] !== 0) {
        // Outside 0-9 and a-z: upper case or non-ASCII.
        if (c > 0x7a || (c > 0x39 && c < 0x61)) lower = false;
        c = text.charCodeAt(++i);
      }
      // A joiner continues the token only when a letter or digit follows it.
      if ((c === APOSTROPHE || c === DOT || c === RIGHT_QUOTE) && classes[text.charCodeAt(i + 1)]) {
        if (c === RIGHT_QUOTE) lower = false;
        i++;
      } else break;
    }
    emit(start, i, lower);
  }
}

/**
 * Whether the token `text.slice(start, end)`, found `lower` by {@link eachToken}, is its own normalised form: all
 * such tokens but years.
 */
export function isOwnNorm(text: string, start: number, end: number, lower: boolean): boolean {
  if (!lower) return false;
  if (end - start !== 4) return true;
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  // YEAR: 19 or 20, then two digits.
  return !(
    ((a === 0x31 && b === 0x39) || (a === 0x32 && b === 0x30)) &&
    isDigit(text.charCodeAt(start + 2)) &&
    isDigit(text.charCodeAt(start + 3))
  );
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The normalised form of the token `text.slice(start, end)`: `normaliseToken` without its work when `lower`. */
export function norm(text: string, start: number, end: number, lower: boolean): string {
  const raw = text.slice(start, end);
  if (!lower) return normaliseToken(raw);
  return raw.length === 4 && YEAR.test(raw) ? "<year>" : raw;
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
  eachToken(text, (start, end, lower) => {
    tokens.norms.push(norm(text, start, end, lower));
    tokens.starts.push(start);
    tokens.ends.push(end);
  });
  return tokens;
}

/** Normalised tokens only: the fast path used when offsets are not needed. */
export function words(text: string): string[] {
  const out: string[] = [];
  eachToken(text, (start, end, lower) => {
    out.push(norm(text, start, end, lower));
  });
  return out;
}
