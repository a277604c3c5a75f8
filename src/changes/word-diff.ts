/** Word-level diff of two provision texts, for highlighting and for judging how much wording changed. */
import { wordsWithSpaceDiff } from "diff";
import { diffArrayRuns } from "./token-diff.js";

export type WordDiffOp = "equal" | "insert" | "delete";

/** A run of text that is common to both texts, only in the new one (insert) or only in the old one (delete). */
export interface WordDiffSegment {
  op: WordDiffOp;
  text: string;
}

/**
 * Edit distance (in tokens) beyond which the diff gives up and reports a wholesale replacement: Myers' diff
 * costs O((N+M)·D), and past this point the word-by-word view is no longer readable anyway.
 */
const MAX_EDIT_LENGTH = 2000;

/**
 * Word-level diff (jsdiff `diffWordsWithSpace`: words, punctuation marks and whitespace runs are tokens).
 * Concatenating the equal + delete segments gives `a`; equal + insert gives `b`. Adjacent segments of one op
 * are merged; within a replaced run the deletion comes first. Past `maxEditLength` tokens of difference the
 * result is one deletion of `a` and one insertion of `b`.
 */
export function wordDiff(a: string, b: string, maxEditLength = MAX_EDIT_LENGTH): WordDiffSegment[] {
  if (a === b) return a === "" ? [] : [{ op: "equal", text: a }];
  const raw = tokenRuns(a, b, maxEditLength);
  if (!raw) {
    const whole: WordDiffSegment[] = [];
    if (a !== "") whole.push({ op: "delete", text: a });
    if (b !== "") whole.push({ op: "insert", text: b });
    return whole;
  }
  return regroup(raw);
}

/**
 * The runs `diffWordsWithSpace(a, b, { maxEditLength })` returns (null where it returns undefined), from the
 * allocation-free replay of its search in token-diff.ts.
 */
export function tokenRuns(a: string, b: string, maxEditLength: number): WordDiffSegment[] | null {
  const runs = diffArrayRuns(tokensOf(a), tokensOf(b), maxEditLength);
  return (
    runs?.map((run) => ({
      op: run.added ? "insert" : run.removed ? "delete" : "equal",
      text: run.value.join(""),
    })) ?? null
  );
}

/** jsdiff's tokens of `diffWordsWithSpace` (words, punctuation marks, newlines, runs of spaces). */
function tokensOf(text: string): string[] {
  return wordsWithSpaceDiff.tokenize(text).filter((token) => token !== "");
}

/**
 * Joins each run of changes into one deletion followed by one insertion, absorbing the bare spaces between
 * changed words ("precise location" is one insertion, not two around a kept space).
 */
function regroup(raw: readonly WordDiffSegment[]): WordDiffSegment[] {
  const out: WordDiffSegment[] = [];
  let deleted = "";
  let inserted = "";
  const flush = (): void => {
    if (deleted !== "") out.push({ op: "delete", text: deleted });
    if (inserted !== "") out.push({ op: "insert", text: inserted });
    deleted = "";
    inserted = "";
  };
  raw.forEach((segment, i) => {
    const between = i > 0 && i < raw.length - 1 && raw[i - 1]!.op !== "equal" && raw[i + 1]!.op !== "equal";
    if (segment.op === "equal" && !(between && segment.text.trim() === "")) {
      flush();
      const last = out[out.length - 1];
      if (last?.op === "equal") last.text += segment.text;
      else out.push({ op: "equal", text: segment.text });
      return;
    }
    if (segment.op !== "insert") deleted += segment.text;
    if (segment.op !== "delete") inserted += segment.text;
  });
  flush();
  return out;
}

/** The inserted and deleted text of a diff, each run joined by " … ". */
export function changedText(segments: readonly WordDiffSegment[]): { inserted: string; deleted: string } {
  const pick = (op: WordDiffOp): string =>
    segments
      .filter((s) => s.op === op && s.text.trim() !== "")
      .map((s) => s.text.trim())
      .join(" … ");
  return { inserted: pick("insert"), deleted: pick("delete") };
}
