/** The one-sentence headline of a change record: page title, feed entry title, webhook `headline`, e-mail subject. */
import type { ChangeDelta } from "../model/index.js";
import { clip } from "./excerpt.js";

/** Longest headline before "and N more", in characters: a subject line or a feed title, not a paragraph. */
const HEADLINE_CHARS = 160;

/**
 * The most severe delta's line plus "and N more" (N other deltas); a record without deltas (noise only, a
 * first version, no change) is headed by its first summary line.
 */
export function headlineOf(deltas: readonly ChangeDelta[], summary: readonly string[]): string {
  const first = deltas[0];
  if (!first) return clip(summary[0] ?? "No change", HEADLINE_CHARS);
  const more = deltas.length - 1;
  return `${clip(first.line, HEADLINE_CHARS)}${more > 0 ? ` and ${more} more` : ""}`;
}
