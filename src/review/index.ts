/**
 * The review loop: reviewers confirm, reject, relabel or add clause types; their verdicts replace the machine's
 * word at once and become training labels.
 */
export { applyReviews } from "./apply-reviews.js";
export { correctedTypes, type ReviewedType } from "./corrected-types.js";
export { InvalidReviewError } from "./errors.js";
export { type AppliedReview, type ReviewInput, reviewLabels, reviewProvision } from "./review-provision.js";
