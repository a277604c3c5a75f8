/** Plain-language explanations of classified provisions. */
export { ExplainError } from "./errors.js";
export { explain } from "./explain.js";
export type {
  ExplainableClauseType,
  ExplainOptions,
  Explanation,
  ExplanationAction,
  ExplanationTexts,
  FilledTexts,
} from "./explainable.js";
export { explanationTexts, fillTemplate, type TemplateFacts } from "./fill-template.js";
export { specificsFor } from "./specifics.js";
