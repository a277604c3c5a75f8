/**
 * Plain-language summary of a change record: one line per substantive provision change (most severe first),
 * then one line per kind of noise. Every line is built from one change (or counts a group of changes) and
 * quotes only text of the versions, so nothing is said that the diff does not show.
 */
import type { AssessedChange } from "./classify-change.js";
import { noiseLines } from "./noise-lines.js";
import type { OutsideChange } from "./outside-text.js";
import { severityRank } from "./ranks.js";
import { substantiveLine } from "./substantive-line.js";

export type { AssessedChange } from "./classify-change.js";

export interface SummaryOptions {
  /** Most lines returned, the last one being "… and N more changes" when some are left out. Default 12. */
  maxLines?: number;
  /** Longest quoted excerpt, in characters. Default 100. */
  excerptChars?: number;
}

/**
 * Summary lines of a change record, most severe first, then date stamps, headings (`outside`: changed lines
 * between provisions) and other noise, capped at `maxLines` with a last line "… and N more changes".
 * Returns an empty array when there are no changes.
 */
export function summarizeChanges(
  changes: readonly AssessedChange[],
  outside: readonly OutsideChange[] = [],
  options: SummaryOptions = {},
): string[] {
  const maxLines = Math.max(2, options.maxLines ?? 12);
  const maxChars = options.excerptChars ?? 100;
  const substantive = changes
    .map((c, order) => ({ c, order }))
    .filter(({ c }) => c.assessment.kind === "substantive")
    .sort(
      (x, y) =>
        severityRank(y.c.assessment.severity) - severityRank(x.c.assessment.severity) || x.order - y.order,
    );
  // Lines are built lazily: a summary shows at most `maxLines`, and building a line diffs its provision.
  const lines: { text: () => string; weight: number }[] = [];
  if (substantive.length >= maxLines) {
    const count = (t: string): number => substantive.filter(({ c }) => c.change.change === t).length;
    const overview = `Substantive changes to ${substantive.length} provisions (${count("added")} added, ${count("removed")} removed, ${count("modified")} modified)`;
    lines.push({ text: () => overview, weight: 0 });
  }
  for (const { c } of substantive) lines.push({ text: () => substantiveLine(c, maxChars), weight: 1 });
  for (const line of noiseLines(changes, outside, maxChars))
    lines.push({ text: () => line.text, weight: line.weight });
  if (lines.length <= maxLines) return lines.map((l) => l.text());
  const kept = lines.slice(0, maxLines - 1);
  const more = lines.slice(maxLines - 1).reduce((sum, l) => sum + l.weight, 0);
  return [...kept.map((l) => l.text()), `… and ${more} more change${more === 1 ? "" : "s"}`];
}
