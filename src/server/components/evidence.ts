/** Where a classification's evidence falls inside its provision's text (offsets are stored against the version). */
import type { ClauseView } from "../../store/queries/index.js";
import type { Highlight } from "./inline-text.js";

/** The evidence span relative to the provision text, or null when it lies outside (older analyses). */
export function evidenceIn(
  clause: ClauseView | undefined,
  start: number,
  textLength: number,
): Highlight | null {
  if (!clause) return null;
  const s = clause.evidenceStart - start;
  const e = clause.evidenceEnd - start;
  return s >= 0 && e <= textLength && s < e
    ? { start: s, end: e, label: "Evidence for the classification" }
    : null;
}
