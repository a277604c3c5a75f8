/**
 * Re-extractions that change which part of the page is extracted. When Open Terms Archive applies new
 * extraction rules to an existing capture, a selector that now reaches further (or less far) adds (or drops)
 * whole provisions, in blocks, while the text on both sides stays as it was. Those additions and removals
 * say nothing about the platform: they are technical. A re-extraction whose provisions present on both sides
 * changed wording, by contrast, carries edits the platform made while extraction was failing, and stays
 * substantive.
 */
import { type AssessedChange, demote } from "./classify-change.js";
import { minorText } from "./normal-forms.js";

/** What a re-extraction's new scope added and removed, in provisions. */
export interface Rescoping {
  added: AssessedChange[];
  removed: AssessedChange[];
}

/** Most blocks of added (or of removed) provisions when both directions occur (the window's two edges). */
const MAX_BLOCKS_BOTH_WAYS = 2;

/**
 * Whether positions form at most {@link MAX_BLOCKS_BOTH_WAYS} runs of consecutive positions, each touching the
 * start or the end of a version of `count` provisions: the extracted window's edges moved.
 */
function edgeBlocks(positions: number[], count: number): boolean {
  const sorted = [...positions].sort((a, b) => a - b);
  let blocks = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (++blocks > MAX_BLOCKS_BOTH_WAYS || (sorted[i] !== 0 && sorted[j] !== count - 1)) return false;
    i = j + 1;
  }
  return true;
}

/** Whether a modified provision sits next to an added or removed one. */
function borders(edge: AssessedChange, added: AssessedChange[], removed: AssessedChange[]): boolean {
  return (
    added.some((c) => Math.abs(c.afterPos - edge.afterPos) === 1) ||
    removed.some((c) => Math.abs(c.beforePos - edge.beforePos) === 1)
  );
}

/** Whether one side of a modified provision is the other cut short: no word of it was rewritten. */
function cutShort(edge: AssessedChange): boolean {
  const before = minorText(edge.before!.text);
  const after = minorText(edge.after!.text);
  return before.includes(after) || after.includes(before);
}

/**
 * The substantive changes of a re-extraction, when they all come from a change of extraction scope: only
 * additions, only removals, or, when provisions were both added and removed, blocks at the start or end of
 * the versions (the extracted window moved). `beforeCount` and `afterCount` are the versions' provision
 * counts. One modified provision is allowed where it borders an added or removed block and one of its sides
 * holds the other whole (the selector now cuts that paragraph elsewhere). Returns null when any wording
 * changed inside the text extracted on both sides.
 */
export function rescopingOf(
  assessed: readonly AssessedChange[],
  beforeCount: number,
  afterCount: number,
): Rescoping | null {
  const added: AssessedChange[] = [];
  const removed: AssessedChange[] = [];
  const modified: AssessedChange[] = [];
  // Added and removed provisions of any kind: a removal beside a minor addition (a contact form replaced by
  // an e-mail address) is an edit, not a narrower extraction.
  const addedAt: number[] = [];
  const removedAt: number[] = [];
  for (const c of assessed) {
    if (!c.before) addedAt.push(c.afterPos);
    else if (!c.after) removedAt.push(c.beforePos);
    if (c.assessment.kind !== "substantive") continue;
    if (!c.before) added.push(c);
    else if (!c.after) removed.push(c);
    else modified.push(c);
  }
  if (added.length + removed.length === 0 || modified.length > 1) return null;
  if (
    addedAt.length > 0 &&
    removedAt.length > 0 &&
    !(edgeBlocks(addedAt, afterCount) && edgeBlocks(removedAt, beforeCount))
  ) {
    return null;
  }
  const edge = modified[0];
  if (edge && !(borders(edge, added, removed) && cutShort(edge))) return null;
  return { added, removed };
}

/**
 * Marks every substantive change technical (noise "rescoped"): called only when {@link rescopingOf} found that
 * all of them, the bordering modified provision included, come from the new scope.
 */
export function demoteRescoped(assessed: readonly AssessedChange[]): AssessedChange[] {
  return assessed.map((c) => (c.assessment.kind === "substantive" ? demote(c, "technical", "rescoped") : c));
}

/** The summary line of a rescoping: how many provisions the new rules extract newly or no longer. */
export function rescopingLine({ added, removed }: Rescoping): string {
  const n = (count: number) => (count === 1 ? "1 provision" : `${count.toLocaleString("en")} provisions`);
  const parts: string[] = [];
  if (added.length > 0) parts.push(`${n(added.length)} newly extracted`);
  if (removed.length > 0) parts.push(`${n(removed.length)} no longer extracted`);
  const reach =
    added.length === 0
      ? "less of the page"
      : removed.length === 0
        ? "more of the page"
        : "another part of the page";
  return `The new extraction rules cover ${reach}: ${parts.join(", ")}; no provision extracted both times changed its wording, so these are not edits by the platform`;
}
