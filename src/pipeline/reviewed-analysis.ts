/** Reviewers' verdicts applied to a fresh analysis before it is graded and stored. */
import { type DocumentAnalysis, withProvisions } from "../analysis/index.js";
import { loadTaxonomy } from "../knowledge/index.js";
import { applyReviews } from "../review/apply-reviews.js";
import type { ReviewRepository } from "../store/repositories/reviews.js";
import { sha256Hex } from "../util/hash.js";

/**
 * The analysis with the stored reviews of its provisions' texts applied and the grade recomputed from them.
 * One query for the whole version; without reviews the analysis is returned as it is.
 */
export async function withStoredReviews(
  reviews: Pick<ReviewRepository, "forTexts">,
  analysis: DocumentAnalysis,
): Promise<DocumentAnalysis> {
  if (analysis.provisions.length === 0) return analysis;
  const hashes = analysis.provisions.map((p) => sha256Hex(p.text));
  const byText = await reviews.forTexts(hashes);
  if (byText.size === 0) return analysis;
  const taxonomy = loadTaxonomy();
  return withProvisions(
    analysis,
    analysis.provisions.map((p, i) => applyReviews(p, byText.get(hashes[i]!) ?? [], taxonomy)),
  );
}
