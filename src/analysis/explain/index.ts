/** Plain-language explanations of classified provisions. */
export { ExplainError } from "./errors.js";
export { explain } from "./explain.js";
export type { ExplainableClauseType, ExplainOptions, Explanation, ExplanationTexts } from "./explainable.js";
export { specificsFor } from "./specifics.js";
