/** Default analysis of a version's text for change records: segmentation, then clause classification. */
import { classify } from "../analysis/classify/index.js";
import { segment } from "../analysis/segment/index.js";
import type { ClassifiedProvision } from "../model/index.js";
import { memoize } from "../util/memo.js";

/** Segments and classifies one version's text. */
export type AnalyzeVersion = (text: string) => ClassifiedProvision[];

/** Version texts whose segmentation is remembered. */
const SEGMENTED_CAPACITY = 32;

/**
 * {@link segment}, remembered for the last version texts: a history often returns to a text it had a few versions
 * before (a page alternating between variants, a capture that failed in between), a fifth of the versions of the
 * shared corpus. Both analyses below copy every provision, so callers never share the remembered ones.
 */
const segmentRemembered = memoize(segment, SEGMENTED_CAPACITY);

/** The project's segmenter, without clause classification (every provision has no clauses). */
export function segmentOnly(text: string): ClassifiedProvision[] {
  return segmentRemembered(text).map((p) => ({ ...p, clauses: [] }));
}

/** The project's segmenter and classifier (taxonomy patterns fused with the shipped text model). */
export function analyzeVersion(text: string): ClassifiedProvision[] {
  return classify(segmentRemembered(text), text);
}
