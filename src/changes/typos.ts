/** Typo-level edits: tokens that differ by a character or two, words split or joined, articles. */
import { diffArrayRuns } from "./token-diff.js";

/** Damerau–Levenshtein distance (optimal string alignment), giving up early once above `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols).fill(0);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, prevPrev[j - 2]! + 1);
      cur[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[cols - 1]!;
}

/** Most differing tokens a typo-only edit may have. */
const MAX_TYPO_TOKENS = 40;

/** Words after which a number is a cross-reference ("Section 13(9)"), renumbered when sections are inserted. */
const REFERENCE_WORDS = new Set([
  "section",
  "sections",
  "clause",
  "clauses",
  "paragraph",
  "paragraphs",
  "article",
  "articles",
  "part",
  "schedule",
  "annex",
  "appendix",
  "exhibit",
]);
const NUMBER = /^\d+$/;

/** True when the tokens just before `at` (up to 3, numbers skipped) include a cross-reference word. */
function followsReference(tokens: readonly string[], at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - 3; k--) {
    const token = tokens[k]!;
    if (REFERENCE_WORDS.has(token)) return true;
    if (!NUMBER.test(token)) return false;
  }
  return false;
}

/** Words whose insertion or removal is grammar, not meaning. */
const ARTICLES = new Set(["a", "an", "the"]);

/**
 * True when two words are a misspelling or spelling variant of each other ("organisation"/"organization",
 * "recieve"/"receive"). Numbers never are ("30" vs "60" days), nor short words ("not"/"now").
 */
export function isTypoPair(a: string, b: string): boolean {
  if (/\d/.test(a) || /\d/.test(b)) return false;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  const allowed = shorter >= 10 ? 2 : 1;
  return editDistance(a, b, allowed) <= allowed;
}

/**
 * True when two texts in minor normal form (lower-case words separated by single spaces) differ only by
 * typo-level edits: misspelt words, words split or joined ("e mail"/"email"), added or dropped articles,
 * renumbered cross-references ("section 13 9" / "section 13 10").
 */
export function onlyTypoEdits(a: string, b: string): boolean {
  if (a === b) return true;
  const tokens = a.split(" ");
  // Typo fixes touch a few tokens; beyond this many the texts are reworded, and the diff would be costly.
  const parts = diffArrayRuns(tokens, b.split(" "), MAX_TYPO_TOKENS);
  if (!parts) return false;
  let position = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const at = position;
    if (!part.added) position += part.value.length;
    if (!part.added && !part.removed) continue;
    // A replaced run is a removal directly followed by an addition.
    const removed = part.removed ? part.value : [];
    const next = parts[i + 1];
    const added = part.added ? part.value : next?.added ? next.value : [];
    if (part.removed && next?.added) i++;
    const renumbered = [...removed, ...added].every((w) => NUMBER.test(w)) && followsReference(tokens, at);
    if (renumbered) continue;
    if (removed.join("") === added.join("")) continue;
    if (removed.length === added.length && removed.every((w, k) => isTypoPair(w, added[k]!))) continue;
    if (removed.length === 0 && added.every((w) => ARTICLES.has(w))) continue;
    if (added.length === 0 && removed.every((w) => ARTICLES.has(w))) continue;
    return false;
  }
  return true;
}
