/**
 * The edit between the two texts of a modified provision, read once: visible texts, the words inserted and
 * deleted, and where they are. Deltas, the wording line and the one-word rule all read the same view.
 */
import { clip, sentencesTouching } from "./excerpt.js";
import { cachedPair, technicalText } from "./normal-forms.js";
import { changedText, type WordDiffSegment, wordDiff } from "./word-diff.js";
import { countWords, wordsOf } from "./words.js";

/** Word-diff budget: a provision rewritten beyond it is compared as a whole. */
const EDIT_LENGTH = 400;

/** A modified provision's edit. Shared between callers: read it, never change it. */
export interface EditView {
  /** Visible texts before and after. */
  oldText: string;
  newText: string;
  /** Inserted and deleted text, joined by " … ". */
  inserted: string;
  deleted: string;
  /** `[start, end)` ranges of insertions in `newText` and of deletions in `oldText`. */
  insertedRanges: [number, number][];
  deletedRanges: [number, number][];
  /** The words inserted and deleted, lower-cased. */
  changedWords: string[];
}

function rangesOf(diff: readonly WordDiffSegment[]): Pick<EditView, "insertedRanges" | "deletedRanges"> {
  const insertedRanges: [number, number][] = [];
  const deletedRanges: [number, number][] = [];
  let inOld = 0;
  let inNew = 0;
  for (const segment of diff) {
    const length = segment.text.length;
    if (segment.op === "insert" && segment.text.trim() !== "") insertedRanges.push([inNew, inNew + length]);
    if (segment.op === "delete" && segment.text.trim() !== "") deletedRanges.push([inOld, inOld + length]);
    if (segment.op !== "insert") inOld += length;
    if (segment.op !== "delete") inNew += length;
  }
  return { insertedRanges, deletedRanges };
}

/** The edit from `before` to `after` (provision Markdown), remembered for the pair. */
export const editView: (before: string, after: string) => EditView = cachedPair((before, after) => {
  const oldText = technicalText(before);
  const newText = technicalText(after);
  const diff = wordDiff(oldText, newText, EDIT_LENGTH);
  const { inserted, deleted } = changedText(diff);
  const changedWords = [...wordsOf(inserted), ...wordsOf(deleted)].map((w) => w.toLowerCase());
  return { oldText, newText, inserted, deleted, ...rangesOf(diff), changedWords };
});

/** “first changed sentence” (+ how many more), quoted from `text`; "" when no range touches a sentence. */
export function quoteSentences(text: string, ranges: readonly [number, number][], maxChars: number): string {
  const touched = sentencesTouching(text, ranges);
  if (touched.length === 0) return "";
  const more =
    touched.length > 1 ? ` (and ${touched.length - 1} more sentence${touched.length > 2 ? "s" : ""})` : "";
  return `“${clip(touched[0]!, maxChars)}”${more}`;
}

/**
 * Words whose insertion or deletion alone can turn a provision around ("we do not sell", "may" → "will"):
 * an edit of one of them is never a mere rewording.
 */
const PIVOT_WORDS = new Set([
  "not",
  "no",
  "never",
  "nor",
  "without",
  "only",
  "all",
  "any",
  "may",
  "must",
  "will",
  "shall",
  "can",
  "cannot",
  "might",
  "should",
  "except",
  "unless",
  "including",
]);

/** True when the edit changes one word or less on each side (or only punctuation) and no pivot word. */
export function isOneWordEdit(view: EditView): boolean {
  const inserted = countWords(view.inserted);
  const deleted = countWords(view.deleted);
  if (inserted > 1 || deleted > 1) return false;
  return !view.changedWords.some((w) => PIVOT_WORDS.has(w));
}
