/** Short quotable excerpts of provision text for summaries. */
import { technicalText } from "./normal-forms.js";
import { countWords } from "./words.js";

/**
 * The visible text of `markdown`, cut at a word boundary to at most `maxChars` characters (plus "…").
 * Quotes are verbatim reader-visible text, so a summary line can always be traced back to the provision.
 */
export function excerpt(markdown: string, maxChars = 100): string {
  return clip(technicalText(markdown), maxChars);
}

/** `text` cut at a word boundary to at most `maxChars` characters (plus "…"). */
export function clip(text: string, maxChars = 100): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.(“"'‘-]+$/u, "")}…`;
}

/** Number of words (runs with a letter or digit) in a text; punctuation and "…" separators do not count. */
export function wordCount(text: string): number {
  return countWords(text);
}

/** Sentence boundaries: after . ! ? or ; and spaces, before what looks like the start of a sentence. */
const SENTENCE_END = /(?<=[.!?;])\s+(?=["“‘(]?[A-Z0-9\u00c0-\u00de])/g;

/** The sentences of a (technical, single-line) text with their offsets. */
export function sentences(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    out.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length, text: text.slice(start) });
  return out;
}

/** The sentences of `text` that overlap any of the `[start, end)` ranges, in order. */
export function sentencesTouching(text: string, ranges: readonly [number, number][]): string[] {
  return sentences(text)
    .filter((s) => ranges.some(([from, to]) => from < s.end && to > s.start))
    .map((s) => s.text);
}
