/**
 * Stable provision keys.
 *
 * A key is `<section>-<lead>` with an optional `~<n>` occurrence suffix, e.g. `3f9a1c-0b7e44d2a1`:
 *
 * - `section` (6 hex): hash of the provision's innermost heading, normalised;
 * - `lead` (10 hex): hash of the provision's first {@link LEAD_WORDS} significant words, normalised;
 * - `~n`: the n-th provision (n ≥ 2, in document order) whose section and lead are both equal.
 *
 * Normalisation lower-cases, strips accents, Markdown, HTML and punctuation, drops numbers (so dates,
 * amounts and section numbering never matter), month names, roman numerals, one-letter tokens and common
 * function words, and cuts every remaining word to its first {@link STEM_LENGTH} letters (so "collect",
 * "collects" and "collected" agree). The key therefore survives: re-ordering of provisions or whole sections
 * (nothing positional is hashed), renumbering, date and number edits anywhere, and any edit past the lead.
 * It changes when the innermost heading is renamed or the opening words are reworded.
 *
 * How to match across versions: equal full keys first; then equal `lead` parts alone (a provision that moved
 * to another section, or whose heading was renamed); then text similarity for what remains.
 * {@link parseProvisionKey} splits a key into these parts.
 */
import { sha256Hex } from "../../util/hash.js";
import { bmpCharClasses, hasSurrogates } from "../../util/letters.js";
import { memoize } from "../../util/memo.js";

/** Significant words hashed into the lead part. */
export const LEAD_WORDS = 8;
/** Significant words of the heading hashed into the section part. */
export const HEADING_WORDS = 10;
/** Letters kept per word: a crude, language-neutral stem. */
export const STEM_LENGTH = 6;
/** Characters of a provision read to find its lead: usually enough… */
const SHORT_WINDOW = 240;
/** …and the most ever read, when links or markup take up the opening. */
const LEAD_WINDOW = 1000;

const FUNCTION_WORDS = new Set(
  (
    "the an and or of to in on at by for from with as is are be been was were it its this that these those " +
    "we us our you your they their he she his her which who whom what when where how if than then so such " +
    "not no nor any all some may can will shall would could should also into about over under per via"
  ).split(" "),
);
const MONTHS = new Set(
  (
    "january february march april june july august september october november december " +
    "jan feb mar apr jun jul aug sep sept oct nov dec"
  ).split(" "),
);
const ROMAN = /^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;

const MARKUP = /!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|<[^>]*>|&#?\w+;|https?:\/\/\S+/g;
const WORD = /[\p{L}\p{N}]+/gu;

/** The key form of one word (lower-cased, accents folded, stemmed), or null when the word is not significant. */
export function keyWord(word: string): string | null {
  let token = word.toLowerCase();
  // Accents are folded only where there are any: most tokens are ASCII and NFKD is costly.
  if (/[^a-z0-9]/.test(token)) token = token.normalize("NFKD").replace(/\p{M}+/gu, "");
  if (token.length < 2 || /\p{N}/u.test(token)) return null;
  if (FUNCTION_WORDS.has(token) || MONTHS.has(token) || ROMAN.test(token)) return null;
  return token.slice(0, STEM_LENGTH);
}

function collectWords(markdown: string, windowLength: number, limit: number): string[] {
  const cut = markdown.length > windowLength;
  const window = cut ? markdown.slice(0, windowLength) : markdown;
  if (hasSurrogates(window)) return collectWordsByRegex(window, cut, limit);
  // Words are read between markup spans (what blanking them out leaves), by code unit over the class table.
  const classes = bmpCharClasses();
  const out: string[] = [];
  let from = 0;
  MARKUP.lastIndex = 0;
  for (;;) {
    const markup = MARKUP.exec(window);
    const to = markup ? markup.index : window.length;
    let i = from;
    while (i < to && out.length < limit) {
      if (classes[window.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      const start = i;
      // ASCII letters only (no digit, nothing to fold): the common case, read without regexes. An ASCII word with
      // a digit is never significant.
      let lettersOnly = true;
      let ascii = true;
      for (; i < to && classes[window.charCodeAt(i)] !== 0; i++) {
        const c = window.charCodeAt(i);
        if (c > 0x7a || c < 0x41) lettersOnly = false;
        if (c > 0x7f) ascii = false;
      }
      // A word touching the edge of a cut window may itself be cut: it would make the key depend on where the cut fell.
      if (cut && i === window.length) return out;
      if (!lettersOnly && ascii) continue;
      const word = window.slice(start, i);
      if (!lettersOnly) {
        const key = keyWord(word);
        if (key !== null) out.push(key);
        continue;
      }
      const token = word.toLowerCase();
      if (token.length < 2 || FUNCTION_WORDS.has(token) || MONTHS.has(token) || ROMAN.test(token)) continue;
      out.push(token.slice(0, STEM_LENGTH));
    }
    if (!markup || out.length >= limit) return out;
    from = markup.index + markup[0].length;
  }
}

/** {@link collectWords} with the `u` regex, for windows with astral characters. */
function collectWordsByRegex(window: string, cut: boolean, limit: number): string[] {
  const cleaned = window.replace(MARKUP, " ");
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(cleaned); m !== null && out.length < limit; m = WORD.exec(cleaned)) {
    if (cut && m.index + m[0].length === cleaned.length) break;
    const key = keyWord(m[0]);
    if (key !== null) out.push(key);
  }
  return out;
}

/**
 * Significant, stemmed words of a Markdown fragment, at most `limit`. Reads a short window first and a
 * longer one only when links or markup ate the words, so long provisions cost no more than short ones.
 */
export function significantWords(markdown: string, limit: number): string[] {
  const short = collectWords(markdown, SHORT_WINDOW, limit);
  if (short.length >= limit || markdown.length <= SHORT_WINDOW) return short;
  return collectWords(markdown, LEAD_WINDOW, limit);
}

/** Headings and provision texts whose key parts are remembered (as many provisions as the classifier's memo). */
const KEY_PARTS_CAPACITY = 16_384;

/**
 * The key parts of a heading and of a provision text, remembered: the provisions of a section share its heading,
 * and consecutive versions of a document share most headings and provisions, whose words would otherwise be read
 * and hashed again for every version.
 */
const sectionPart = memoize(
  (heading: string) => sha256Hex(significantWords(heading, HEADING_WORDS).join(" ")).slice(0, 6),
  KEY_PARTS_CAPACITY,
);
const leadPart = memoize(
  (text: string) => sha256Hex(significantWords(text, LEAD_WORDS).join(" ")).slice(0, 10),
  KEY_PARTS_CAPACITY,
);

/** Key without occurrence suffix for a provision's innermost heading and text. */
export function baseProvisionKey(headingPath: readonly string[], text: string): string {
  return `${sectionPart(headingPath.at(-1) ?? "")}-${leadPart(text)}`;
}

/**
 * Assigns keys to provisions in document order: the base key, plus `~n` for the n-th repeat of a base key.
 * @returns one key per input, in the same order.
 */
export function assignProvisionKeys(
  provisions: readonly { headingPath: readonly string[]; text: string }[],
): string[] {
  const seen = new Map<string, number>();
  return provisions.map((provision) => {
    const base = baseProvisionKey(provision.headingPath, provision.text);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}~${count}`;
  });
}

/** The parts of a provision key; `null` when the string is not one. */
export function parseProvisionKey(key: string): { section: string; lead: string; occurrence: number } | null {
  const match = /^([0-9a-f]{6})-([0-9a-f]{10})(?:~(\d+))?$/.exec(key);
  if (!match) return null;
  return { section: match[1]!, lead: match[2]!, occurrence: match[3] ? Number(match[3]) : 1 };
}
