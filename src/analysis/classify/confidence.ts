/** Confidence of a classification: how patterns and model probability combine, and the High/Medium/Low level. */
import type { ConfidenceLevel } from "../../model/index.js";

/** High from 0.75, Medium from 0.5, else Low (PRODUCT.md B2). */
export function confidenceLevel(confidence: number): ConfidenceLevel {
  if (confidence >= 0.75) return "High";
  if (confidence >= 0.5) return "Medium";
  return "Low";
}

/**
 * Noisy-OR of independent pieces of evidence (a pattern's weight, the model's probability): each alone gives its
 * own value, and agreement raises confidence without ever exceeding 1.
 */
export function combineConfidence(...evidence: number[]): number {
  let miss = 1;
  for (const e of evidence) miss *= 1 - Math.min(1, Math.max(0, e));
  return 1 - miss;
}
