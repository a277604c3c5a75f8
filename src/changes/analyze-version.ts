/** Default analysis of a version's text for change records: segmentation, then clause classification. */
import { classify } from "../analysis/classify/index.js";
import { segment } from "../analysis/segment/index.js";
import type { ClassifiedProvision } from "../model/index.js";

/** Segments and classifies one version's text. */
export type AnalyzeVersion = (text: string) => ClassifiedProvision[];

/** The project's segmenter, without clause classification (every provision has no clauses). */
export function segmentOnly(text: string): ClassifiedProvision[] {
  return segment(text).map((p) => ({ ...p, clauses: [] }));
}

/** The project's segmenter and classifier (taxonomy patterns fused with the shipped text model). */
export function analyzeVersion(text: string): ClassifiedProvision[] {
  return classify(segment(text), text);
}
