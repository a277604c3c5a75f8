/** Lightweight language identification by stop-word profiles (no model, no download). */
import { bmpCharClasses, hasSurrogates, LETTER } from "../../util/letters.js";
import { STOP_WORDS } from "./stop-words.js";

/** Result of {@link detectLanguage}. */
export interface LanguageGuess {
  /** ISO 639-1 code of the best profile ("en", "fr", "de", "es", "it", "pt", "nl"), or "und" when undecided. */
  language: string;
  /** 0–1: how far ahead the best profile is, damped when there are few stop words to go on. */
  confidence: number;
  /** `language === "en"`: classification is English-only, and callers say so instead of inventing clauses. */
  isEnglish: boolean;
}

/** Supported languages, in profile order. */
export const LANGUAGES = Object.keys(STOP_WORDS);

/** A stop word's languages (indices into {@link LANGUAGES}) and its weight in each. */
interface Entry {
  languages: number[];
  weight: number;
}

/**
 * Word → its languages and its weight in each: 1 / number of languages that share the word. Pairs are in profile
 * order, the order in which the scores are added up.
 */
export const WEIGHTS = new Map<string, Entry>();
LANGUAGES.forEach((language, index) => {
  for (const word of new Set(STOP_WORDS[language]!.split(" "))) {
    const entry = WEIGHTS.get(word) ?? { languages: [], weight: 0 };
    entry.languages.push(index);
    WEIGHTS.set(word, entry);
  }
});
for (const entry of WEIGHTS.values()) entry.weight = 1 / entry.languages.length;
/** No word longer than this is a stop word (lower-casing never shortens a word). */
const LONGEST = Math.max(...[...WEIGHTS.keys()].map((word) => word.length));

/**
 * The stop words of ASCII letters, in an open-addressing table keyed by a hash of their letters. Most words of a
 * text are ASCII: they are looked up in place, lower-cased as they are read, instead of being sliced, lower-cased
 * and hashed as new strings (the larger part of the cost of the guess). An ASCII word lower-cases to ASCII of the
 * same length, so it can only be one of these.
 */
const SLOTS = 1024;
const slotWord: (string | undefined)[] = new Array(SLOTS).fill(undefined);
const slotEntry: (Entry | undefined)[] = new Array(SLOTS).fill(undefined);
for (const [word, entry] of WEIGHTS) {
  if (!/^[a-z]+$/.test(word)) continue;
  let slot = hashLetters(word, 0, word.length) & (SLOTS - 1);
  while (slotWord[slot] !== undefined) slot = (slot + 1) & (SLOTS - 1);
  slotWord[slot] = word;
  slotEntry[slot] = entry;
}

/** Hash of the lower-cased letters of `text` in `[start, end)`, or -1 when one is not an ASCII letter. */
function hashLetters(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) return -1;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return h >>> 1;
}

/** `WEIGHTS.get(text.slice(start, end).toLowerCase())` for a run of letters. */
export function stopWord(text: string, start: number, end: number): Entry | undefined {
  const h = hashLetters(text, start, end);
  if (h < 0) return WEIGHTS.get(text.slice(start, end).toLowerCase());
  for (let slot = h & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
    const word = slotWord[slot];
    if (word === undefined) return undefined;
    if (word.length !== end - start) continue;
    let k = 0;
    while (k < word.length && word.charCodeAt(k) === (text.charCodeAt(start + k) | 0x20)) k++;
    if (k === word.length) return slotEntry[slot];
  }
}

/** Characters read: the opening and the middle of long documents say enough, and cost stays bounded. */
const SAMPLE_CHARS = 20_000;
/** Stop words needed before the guess is trusted fully. */
const FULL_EVIDENCE = 20;
/** Below this much evidence there is no guess at all. */
const MIN_EVIDENCE = 2;

/**
 * Link targets, URLs, tags and e-mail addresses: `\]\([^)]*\)|https?:\/\/\S+|<[^>]*>|[\w.+-]+@[\w.-]+`, read by
 * {@link eachMarkup} as this expression without its e-mail branch plus a search from each "@": tried at every word
 * character, that branch rescans the rest of the word each time (a third of the cost of the whole guess).
 */
const MARKUP_NO_EMAIL = /\]\([^)]*\)|https?:\/\/\S+|<[^>]*>/g;
/** The e-mail branch, tried at one position. */
const EMAIL_AT = /[\w.+-]+@[\w.-]+/y;
/** The characters of `[\w.+-]`, by code unit. */
const EMAIL_LOCAL = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.+-")
  EMAIL_LOCAL[c.charCodeAt(0)] = 1;
const WORD = /\p{L}+/gu;

function sample(text: string): string {
  if (text.length <= 2 * SAMPLE_CHARS) return text;
  const middle = Math.floor(text.length / 2);
  return `${text.slice(0, SAMPLE_CHARS)}\n${text.slice(middle, middle + SAMPLE_CHARS)}`;
}

/**
 * Calls `emit(start, end)` for each run of letters (`\p{L}+`) of `text` in `[from, to)`: by code unit over the
 * class table when `fast` (a text without surrogates), else with the `u` regex.
 */
function eachWord(
  text: string,
  from: number,
  to: number,
  fast: boolean,
  emit: (start: number, end: number) => void,
): void {
  if (!fast) {
    for (const m of text.slice(from, to).matchAll(WORD)) emit(from + m.index, from + m.index + m[0].length);
    return;
  }
  const classes = bmpCharClasses();
  let i = from;
  while (i < to) {
    if ((classes[text.charCodeAt(i)]! & LETTER) === 0) {
      i++;
      continue;
    }
    const start = i;
    while (++i < to && (classes[text.charCodeAt(i)]! & LETTER) !== 0);
    emit(start, i);
  }
}

/**
 * Where the e-mail branch first matches at or after `from`: a match holds one "@" and starts where the run of
 * `[\w.+-]` before it starts (or at `from`), and whether it matches does not depend on where in that run it starts.
 */
function nextEmail(text: string, from: number): { start: number; end: number } | null {
  for (let at = text.indexOf("@", from + 1); at >= 0; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > from && EMAIL_LOCAL[text.charCodeAt(start - 1)] === 1) start--;
    if (start === at) continue;
    EMAIL_AT.lastIndex = start;
    const m = EMAIL_AT.exec(text);
    if (m) return { start, end: start + m[0].length };
  }
  return null;
}

/**
 * Calls `emit(start, end)` for each markup span of `text` in order, as a global search for the whole markup
 * expression finds them: the leftmost of the next span of the other branches and the next e-mail address, the
 * other branches first at the same position.
 */
export function eachMarkup(text: string, emit: (start: number, end: number) => void): void {
  MARKUP_NO_EMAIL.lastIndex = 0;
  let other = MARKUP_NO_EMAIL.exec(text);
  let email = text.includes("@") ? nextEmail(text, 0) : null;
  while (other || email) {
    const otherFirst = other !== null && (email === null || other.index <= email.start);
    const start = otherFirst ? other!.index : email!.start;
    const end = otherFirst ? start + other![0].length : email!.end;
    emit(start, end);
    if (other && other.index < end) {
      MARKUP_NO_EMAIL.lastIndex = end;
      other = MARKUP_NO_EMAIL.exec(text);
    }
    if (email && email.start < end) email = nextEmail(text, end);
  }
}

/**
 * Guesses the language of a text among en, fr, de, es, it, pt and nl from the weighted share of each
 * language's stop words. Long texts are sampled (opening and middle). Texts with almost no stop words
 * (headings, names, numbers) come back as "und" with confidence 0.
 */
export function detectLanguage(text: string): LanguageGuess {
  const scores = new Float64Array(LANGUAGES.length);
  let hits = 0;
  const read = sample(text);
  const fast = !hasSurrogates(read);
  const count = (start: number, end: number) => {
    if (end - start > LONGEST) return;
    const entry = stopWord(read, start, end);
    if (!entry) return;
    hits += 1;
    for (const language of entry.languages) scores[language] = scores[language]! + entry.weight;
  };
  // Words between markup spans: what is left once they are blanked out.
  let at = 0;
  eachMarkup(read, (start, end) => {
    eachWord(read, at, start, fast, count);
    at = end;
  });
  eachWord(read, at, read.length, fast, count);
  const ranked = LANGUAGES.map((language, i): [string, number] => [language, scores[i]!]).sort(
    (a, b) => b[1] - a[1],
  );
  const [bestLanguage, best] = ranked[0]!;
  const second = ranked[1]?.[1] ?? 0;
  if (hits < MIN_EVIDENCE || best === 0) return { language: "und", confidence: 0, isEnglish: false };
  const margin = (best - second) / best;
  const evidence = Math.min(1, hits / FULL_EVIDENCE);
  const confidence = Math.round(margin * evidence * 100) / 100;
  return { language: bestLanguage, confidence, isEnglish: bestLanguage === "en" };
}
