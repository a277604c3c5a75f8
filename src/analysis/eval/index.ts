/** Evaluations of the clause classifier: OPP-115, CLAUDETTE and our own labels. */
export { CLAUDETTE_CONFIG, type ClaudetteEvalOptions, evalClaudette } from "./claudette.js";
export { EvalDataError } from "./errors.js";
export { type EvalResult, type LabelMetrics, multiLabelMetrics } from "./metrics.js";
export { evalOpp115, OPP115_CONFIG, type Opp115EvalOptions } from "./opp115.js";
export { evalOwnLabels, type OwnLabelsEvalOptions, type OwnLabelsEvalResult } from "./own-labels.js";
