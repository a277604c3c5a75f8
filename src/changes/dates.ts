/**
 * Date expressions as they appear in terms and policies ("Last updated: 5 March 2024", "2024-03-05",
 * "Effective as of January 1, 2023", "© 2024"). A change confined to them is a date stamp, not a new term.
 */

import { wordsOf } from "./words.js";

const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const DAY = "\\d{1,2}(?:st|nd|rd|th)?";
const YEAR = "\\d{4}";

/** One alternative per common spelling; longest forms first so that "March 5, 2024" is not cut at "March". */
const DATE_SOURCES = [
  // "\s*,?\s+": extraction sometimes leaves a space before the comma ("November 8 , 2022").
  `${MONTH}\\s+${DAY}\\s*,?\\s+${YEAR}`,
  `${DAY}\\s+(?:of\\s+)?${MONTH}\\s*,?\\s+${YEAR}`,
  `${MONTH}\\s*,?\\s+${YEAR}`,
  `${YEAR}[-/.]\\d{1,2}[-/.]\\d{1,2}`,
  `\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}`,
];
// Copyright years change every January without any change in the terms.
const COPYRIGHT = `(?:©|\\(c\\)|\\bcopyright)\\s*(?:${YEAR}\\s*[-–—]\\s*)?${YEAR}\\b`;

// ASCII \b rather than Unicode look-arounds: the latter made this scan 20 times slower on long versions.
const DATE_SOURCE = `\\b(?:${DATE_SOURCES.join("|")})\\b|${COPYRIGHT}`;

/** Global, case-insensitive matcher of date expressions. Use with `replace`, never with `test` (stateful). */
export const DATE_PATTERN = new RegExp(DATE_SOURCE, "gi");

/** A bare year right after a stamp keyword ("Last updated 2024"); the keyword is kept. */
const STAMP_YEAR_SOURCE = "\\b(updated|revised|modified|effective|as of|dated?)(\\W{0,4})\\d{4}\\b";
const STAMP_YEAR = new RegExp(STAMP_YEAR_SOURCE, "gi");
const DATE_ONCE = new RegExp(`${DATE_SOURCE}|${STAMP_YEAR_SOURCE}`, "i");

/** Words that introduce a date stamp. */
const STAMP_KEYWORDS =
  "last\\s+(?:updated|modified|revised|changed|reviewed)|updated|revised|modified|effective|version|dated?|as of|valid from|in force";
const STAMP_WORDS = new RegExp(`\\b(?:${STAMP_KEYWORDS})\\b`, "i");

/**
 * Every date expression above has an ASCII digit (`\d` without the `u` flag): a text without one has none, and
 * scanning for a digit is far cheaper than trying the month names at every position.
 */
const DIGIT = /\d/;

/** Replaces every date expression with `replacement` (a space by default). */
export function stripDates(text: string, replacement = " "): string {
  if (!DIGIT.test(text)) return text;
  return text.replace(DATE_PATTERN, replacement).replace(STAMP_YEAR, `$1$2${replacement}`);
}

/** True when `text` contains at least one date expression. */
export function hasDate(text: string): boolean {
  return DIGIT.test(text) && DATE_ONCE.test(text);
}

/** A stamp keyword opening the text ("Effective Date outside EEA, UK, and Switzerland: March 13, 2024"). */
const STAMP_START = new RegExp(`^(?:${STAMP_KEYWORDS})\\b`, "i");
/** Most other words of a date stamp that mentions the stamp keyword somewhere. */
const MAX_STAMP_WORDS = 6;
/** Most other words of a date stamp that opens with the stamp keyword (a scope such as a region). */
const MAX_OPENING_STAMP_WORDS = 10;

/**
 * True when the text is nothing but a date stamp: a date, optionally introduced by "Last updated", "Effective
 * date" and the like, with at most a few other words (so that a sentence that merely contains a date does
 * not count).
 */
export function isDateStamp(text: string): boolean {
  if (!hasDate(text)) return false;
  const rest = wordsOf(stripDates(text)).join(" ");
  if (rest === "") return true;
  const words = rest.split(" ").length;
  if (STAMP_START.test(rest)) return words <= MAX_OPENING_STAMP_WORDS;
  return words <= MAX_STAMP_WORDS && STAMP_WORDS.test(rest);
}
