/**
 * Plain-language summary of a change record: one line per delta of the substantive provision changes (most
 * severe first), then one line per kind of noise. Every line is built from one delta (or counts a group of
 * changes) and quotes only text of the versions, so nothing is said that the diff does not show.
 */
import type { ChangeDelta } from "../model/index.js";
import type { AssessedChange } from "./classify-change.js";
import { countChanges, formatCounts } from "./counts.js";
import { noiseLines } from "./noise-lines.js";
import type { OutsideChange } from "./outside-text.js";

export type { AssessedChange } from "./classify-change.js";

export interface SummaryOptions {
  /** Most lines returned, the last one being "… and N more changes" when some are left out. Default 12. */
  maxLines?: number;
  /** Longest quoted excerpt, in characters. Default 100. */
  excerptChars?: number;
}

/** Default longest quoted excerpt of summary lines and deltas, in characters. */
export const EXCERPT_CHARS = 100;

/**
 * Summary lines of a change record: the lines of `deltas` (already most severe first), then date stamps,
 * headings (`outside`: changed lines between provisions) and other noise, capped at `maxLines` with a last
 * line "… and N more changes". Returns an empty array when there are no changes.
 */
export function summarizeChanges(
  changes: readonly AssessedChange[],
  deltas: readonly ChangeDelta[],
  outside: readonly OutsideChange[] = [],
  options: SummaryOptions = {},
): string[] {
  const maxLines = Math.max(2, options.maxLines ?? 12);
  const maxChars = options.excerptChars ?? EXCERPT_CHARS;
  const lines: { text: string; weight: number }[] = [];
  if (deltas.length >= maxLines) {
    // The record's one count (as on its page, in the API and the CLI), then how much of it is substance.
    const substantive = changes.filter((c) => c.assessment.kind === "substantive").length;
    const overview = `${changes.length} provision changes (${formatCounts(countChanges(changes.map((c) => c.change)))}), ${substantive} substantive`;
    lines.push({ text: overview, weight: 0 });
  }
  for (const d of deltas) lines.push({ text: d.line, weight: 1 });
  lines.push(...noiseLines(changes, outside, maxChars));
  if (lines.length <= maxLines) return lines.map((l) => l.text);
  const kept = lines.slice(0, maxLines - 1);
  const more = lines.slice(maxLines - 1).reduce((sum, l) => sum + l.weight, 0);
  return [...kept.map((l) => l.text), `… and ${more} more change${more === 1 ? "" : "s"}`];
}
