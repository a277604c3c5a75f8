/** Sentence spans inside a provision, used to quote the evidence that carried a decision. */

/** Offsets of a sentence in the text it was found in. */
export interface SentenceSpan {
  start: number;
  end: number;
}

// Words whose trailing dot does not end a sentence.
const ABBREVIATIONS = new Set([
  "e.g",
  "i.e",
  "etc",
  "inc",
  "ltd",
  "llc",
  "co",
  "corp",
  "no",
  "nos",
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "vs",
  "v",
  "art",
  "sec",
  "u.s",
  "u.k",
  "e.u",
  "para",
  "approx",
  "incl",
  "fig",
]);

// A candidate boundary: sentence punctuation (optionally closed by quotes or brackets) then whitespace,
// or a line break (list items and table rows inside one provision are separate statements).
const BOUNDARY = /([.!?])["'”’)\]]*\s+|\n\s*/g;
// Hoisted: a regex literal in a function is a new object on every evaluation, and these run per boundary.
const LAST_WORD = /([\p{L}.]+)$/u;
const ONE_LETTER = /^\p{L}$/u;
const LOWER_CASE = /\p{Ll}/u;
const CLOSING = /^[.!?](["'”’)\]]*)/;
const SPACE = /\s/;

/** Splits `text` into trimmed sentence spans that cover every non-blank character in order. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let from = 0;
  // exec on the shared global regex rather than matchAll, which clones the regex on every call.
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(text); match; match = BOUNDARY.exec(text)) {
    const at = match.index;
    if (match[1] === ".") {
      const word = LAST_WORD.exec(text.slice(Math.max(from, at - 12), at))?.[1]?.toLowerCase() ?? "";
      if (ABBREVIATIONS.has(word) || ONE_LETTER.test(word)) continue;
      const next = text.charAt(at + match[0].length);
      // "… see section 4. and …": a lower-case continuation is not a new sentence.
      if (LOWER_CASE.test(next)) continue;
    }
    push(text, from, match[1] ? at + 1 + closingLength(match[0]) : at, spans);
    from = at + match[0].length;
  }
  push(text, from, text.length, spans);
  return spans;
}

/** Length of the quotes or brackets that close a sentence after its punctuation. */
function closingLength(boundary: string): number {
  return CLOSING.exec(boundary)?.[1]?.length ?? 0;
}

function push(text: string, start: number, end: number, spans: SentenceSpan[]): void {
  let s = start;
  let e = end;
  while (s < e && SPACE.test(text.charAt(s))) s++;
  while (e > s && SPACE.test(text.charAt(e - 1))) e--;
  if (e > s) spans.push({ start: s, end: e });
}
