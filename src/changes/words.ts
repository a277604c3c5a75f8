/** Word runs of text, the unit every comparison of wording works on. */

/**
 * Letters and digits: ASCII, Latin-1 and the BMP letter blocks (Greek, Cyrillic, CJK, Hangul…), minus the
 * punctuation, symbol and space blocks. Written without the Unicode `\p{…}` classes, which made the scan of
 * a whole version three times slower. Upper-case ASCII is included so that callers may lower-case later.
 */
const WORD_CHARS =
  "0-9A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u1fff\\u2070-\\u209f\\u2c00-\\u2dff\\u3040-\\ud7ff\\uf900-\\ufdff\\ufe70-\\ufefc\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a\\uff66-\\uffdc";

const WORD_RUN = new RegExp(`[${WORD_CHARS}]+`, "g");

/** The runs of letters and digits of a text, in order. */
export function wordsOf(text: string): string[] {
  return text.match(WORD_RUN) ?? [];
}
