/**
 * Shapes of text that are page furniture rather than terms: titles and labels, navigation links, link debris.
 * A provision of this shape that appears or disappears is a change of layout or extraction.
 */
import type { ClassifiedProvision } from "../model/index.js";
import { foldMinor, normalizeTechnical } from "./normalize.js";

/** Most words of an unclassified short line ("Table of Contents", "Legal terms", "Find more solutions"). */
const MAX_LABEL_WORDS = 6;
/** Most words of a title written in Title Case ("Your Rights Data Subject and Consumer Information Requests"). */
const MAX_TITLE_WORDS = 12;
/** Most words of a title ending in a period ("Limitation of Liability."). */
const MAX_TITLED_SENTENCE_WORDS = 4;

/**
 * A title or a page label rather than a term: a line in Title Case or (short) capitals, a short titled line
 * ending in a period, or a short line without sentence punctuation in which no clause was read. Headings that
 * the extraction turned into paragraphs (or back) look like this. URLs and paths do not count as words; table
 * rows never are labels ("Croatian Kuna | 2.00 HRK | 70.00 HRK" is content).
 */
export function isLabel(p: ClassifiedProvision, technical: string): boolean {
  if (p.text.includes("|")) return false;
  // Every branch below needs at most MAX_TITLE_WORDS words: longer texts are left as soon as that is known.
  const words: string[] = [];
  for (let from = 0; from <= technical.length; ) {
    let to = technical.indexOf(" ", from);
    if (to < 0) to = technical.length;
    const w = technical.slice(from, to);
    if (!/[/@]/.test(w) && /\p{L}/u.test(w) && words.push(w) > MAX_TITLE_WORDS) return false;
    from = to + 1;
  }
  if (words.length === 0) return false;
  const title = words.every((w) => w.length < 4 || /^["“‘(]?\p{Lu}/u.test(w));
  const capitals = technical === technical.toUpperCase();
  const sentenceEnd = /[.;:!?]["”’)]*$/.test(technical);
  if (title && !sentenceEnd) {
    // Capitals are also how disclaimers are shouted ("THE SERVICE IS PROVIDED AS IS"): only short ones.
    return words.length <= (capitals ? MAX_LABEL_WORDS : MAX_TITLE_WORDS);
  }
  if (title && technical.endsWith(".") && words.length <= MAX_TITLED_SENTENCE_WORDS) return true;
  return p.clauses.length === 0 && words.length <= MAX_LABEL_WORDS && !sentenceEnd;
}

const LINK = /\[([^\]]*)\]\(\s*<?([^)\s>]*)[^)]*\)/g;

/**
 * Navigation left over from the page: a provision whose visible text is all link labels. "anchor-links" when
 * every link points inside the page (a table of contents), "links" otherwise, null when it has other text.
 */
export function linkOnly(markdown: string): "anchor-links" | "links" | null {
  if (!markdown.includes("](")) return null;
  const targets: string[] = [];
  const rest = markdown.replace(LINK, (_m, _label: string, target: string) => {
    targets.push(target);
    return " ";
  });
  if (targets.length === 0 || foldMinor(normalizeTechnical(rest)) !== "") return null;
  return targets.every((t) => t.startsWith("#")) ? "anchor-links" : "links";
}

/** URLs and web addresses written out as text. */
const BARE_URL = /\b(?:https?:\/\/|www\.)\S+/gi;

/**
 * True when the visible text has no words once written-out URLs are left aside ("](https://…)" debris).
 * `minor` is the text's minor form, which answers directly when there is no URL (most provisions).
 */
export function onlyUrls(technical: string, minor: string): boolean {
  const rest = technical.replace(BARE_URL, " ");
  return rest === technical ? minor === "" : foldMinor(rest) === "";
}
