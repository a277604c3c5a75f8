/**
 * Changes in the text between provisions: headings, date-stamp lines set as headings, navigation. They are
 * not provisions, so the provision diff does not see them; a renamed heading or a new "Updated …" line must
 * still be reported (as minor: the terms themselves did not change).
 */
import type { Provision } from "../model/index.js";
import { DATE_PATTERN, isDateStamp } from "./dates.js";
import { cached } from "./normal-forms.js";
import { foldMinor, normalizeTechnical } from "./normalize.js";
import { type ArrayChange, diffArrayRuns } from "./token-diff.js";

/** One changed line outside provisions (before null: added; after null: removed). */
export interface OutsideChange {
  before: string | null;
  after: string | null;
  /** "date-stamp": only dates differ; "typography": only punctuation or case; "heading": wording. */
  nature: "date-stamp" | "typography" | "heading";
}

/** Raw text between provisions (and before the first, after the last), in order. */
function outsideChunks(text: string, provisions: readonly Provision[]): string[] {
  const chunks: string[] = [];
  let from = 0;
  for (const p of provisions) {
    if (p.start > from) chunks.push(text.slice(from, p.start));
    from = Math.max(from, p.end);
  }
  if (from < text.length) chunks.push(text.slice(from));
  return chunks;
}

/** Visible lines of the text outside every provision span, in order, blank ones dropped. */
export function outsideLines(text: string, provisions: readonly Provision[]): string[] {
  return linesOf(outsideChunks(text, provisions));
}

/** Markdown links and images, to tell navigation lines (menus, "Log in", tables of contents) from headings. */
const LINK_OR_IMAGE = /!?\[(?:\\.|[^\]\\])*\]\((?:[^()]|\([^()]*\))*\)/g;

/**
 * Visible lines that carry words, navigation lines left out: a line whose words are all link labels is a
 * menu or a table of contents that the segmenter skipped, and its changes are extraction noise.
 */
function linesOf(chunks: readonly string[]): string[] {
  return chunks.flatMap(chunkLines);
}

/**
 * {@link linesOf} of one chunk, remembered: the same chunks (blank lines, headings) recur between the provisions
 * of a version and from one version to the next.
 */
const chunkLines = cached((chunk: string): readonly string[] => {
  const lines: string[] = [];
  for (const line of chunk.split("\n")) {
    const visible = normalizeTechnical(line);
    if (foldMinor(visible) === "") continue;
    if (line.includes("](") && foldMinor(normalizeTechnical(line.replace(LINK_OR_IMAGE, " "))) === "")
      continue;
    lines.push(visible);
  }
  return lines;
});

function natureOf(before: string, after: string): OutsideChange["nature"] {
  if (foldMinor(before) !== foldMinor(after)) return "heading";
  const dates = (s: string): string => (s.match(DATE_PATTERN) ?? []).join("|");
  return dates(before) !== dates(after) ? "date-stamp" : "typography";
}

/** Changed lines outside provisions; replaced lines are paired in order. */
export function outsideChanges(
  beforeText: string,
  before: readonly Provision[],
  afterText: string,
  after: readonly Provision[],
): OutsideChange[] {
  const rawBefore = outsideChunks(beforeText, before);
  const rawAfter = outsideChunks(afterText, after);
  const out: OutsideChange[] = [];
  // Raw chunks first (most are equal), then the visible lines of the chunks that differ.
  forEachReplacement(rawBefore, rawAfter, (removedChunks, addedChunks) => {
    forEachReplacement(linesOf(removedChunks), linesOf(addedChunks), (removedLines, addedLines) => {
      // A heading that only moved is not a change of wording.
      const [removed, added] = withoutCommon(removedLines, addedLines);
      const paired = Math.min(removed.length, added.length);
      for (let k = 0; k < paired; k++) {
        out.push({ before: removed[k]!, after: added[k]!, nature: natureOf(removed[k]!, added[k]!) });
      }
      const alone = (line: string): OutsideChange["nature"] => (isDateStamp(line) ? "date-stamp" : "heading");
      for (const line of removed.slice(paired)) out.push({ before: line, after: null, nature: alone(line) });
      for (const line of added.slice(paired)) out.push({ before: null, after: line, nature: alone(line) });
    });
  });
  // Headings moved farther (across unchanged chunks) show as one removal and one addition.
  const [removedAlone, addedAlone] = withoutCommon(
    out.filter((o) => !o.after).map((o) => o.before!),
    out.filter((o) => !o.before).map((o) => o.after!),
  );
  const keepRemoved = new Set(removedAlone);
  const keepAdded = new Set(addedAlone);
  return out.filter(
    (o) => (o.after ? true : keepRemoved.has(o.before!)) && (o.before ? true : keepAdded.has(o.after!)),
  );
}

/** The two lists without the items they share (as multisets), order kept. */
function withoutCommon(a: readonly string[], b: readonly string[]): [string[], string[]] {
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  const keptB: string[] = [];
  for (const y of b) {
    const n = counts.get(y) ?? 0;
    if (n > 0) counts.set(y, n - 1);
    else keptB.push(y);
  }
  const keptA: string[] = [];
  for (const x of a) {
    const n = counts.get(x) ?? 0;
    if (n > 0) {
      counts.set(x, n - 1);
      keptA.push(x);
    }
  }
  return [keptA, keptB];
}

/**
 * Calls `visit` with each run of items of `a` removed and the run of items of `b` that replaces it (either may
 * be empty). The common head is set aside before diffing, as the diff would (trimming the tail too changes
 * how ties are broken); sliced arrays are cheaper for it to walk than the whole ones.
 */
function forEachReplacement<T>(
  a: readonly T[],
  b: readonly T[],
  visit: (removed: T[], added: T[]) => void,
): void {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  if (start === a.length && start === b.length) return;
  // Without an edit budget the diff always ends.
  const parts: ArrayChange<T>[] = diffArrayRuns(a.slice(start), b.slice(start))!;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) continue;
    const next = parts[i + 1];
    const removed = part.removed ? part.value : [];
    const added = part.added ? part.value : next?.added ? next.value : [];
    if (part.removed && next?.added) i++;
    visit(removed, added);
  }
}
