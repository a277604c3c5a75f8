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

/** Splits `text` into trimmed sentence spans that cover every non-blank character in order. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let from = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const at = match.index ?? 0;
    if (match[1] === ".") {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(from, at - 12), at))?.[1]?.toLowerCase() ?? "";
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
      const next = text.charAt(at + match[0].length);
      // "… see section 4. and …": a lower-case continuation is not a new sentence.
      if (/\p{Ll}/u.test(next)) continue;
    }
    push(text, from, match[1] ? at + 1 + closingLength(match[0]) : at, spans);
    from = at + match[0].length;
  }
  push(text, from, text.length, spans);
  return spans;
}

/** Length of the quotes or brackets that close a sentence after its punctuation. */
function closingLength(boundary: string): number {
  return /^[.!?](["'”’)\]]*)/.exec(boundary)?.[1]?.length ?? 0;
}

function push(text: string, start: number, end: number, spans: SentenceSpan[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  if (e > s) spans.push({ start: s, end: e });
}
