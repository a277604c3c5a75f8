/** Clause classification: taxonomy patterns fused with a linear text model, with evidence and explanations. */
export {
  type ClassifierKnowledge,
  type ClassifyOptions,
  classify,
  clearClassificationMemo,
} from "./classify.js";
export {
  CLAUDETTE_TYPE,
  type ClaudetteDocument,
  type ClaudetteSentence,
  claudetteCategories,
  readClaudette,
} from "./claudette-corpus.js";
export { combineConfidence, confidenceLevel } from "./confidence.js";
export { ClassifyError, ModelFormatError, TrainingDataError } from "./errors.js";
export { DEFAULT_FUSION, type FusionConfig, PATTERN_FLOOR, type TypeFusion } from "./fusion.js";
export { findNegatedPractice } from "./negation.js";
export { splitSentences } from "./sentences.js";
export {
  decodeModel,
  encodeModel,
  type LoadedModel,
  type LoadOptions,
  loadShippedModel,
  SHIPPED_CONFIG,
  shippedDataHash,
  shippedTrainingSet,
  trainShippedModel,
  writeShippedModel,
} from "./shipped-model.js";
export { type FeatureContribution, type LabelScore, TextModel } from "./text-model.js";
export { type ClauseModelOptions, trainClauseModel } from "./train-clause-model.js";
export { runTrain, type TrainRun } from "./train-cli.js";
export { DEFAULT_TRAIN_CONFIG, type Example, type TrainConfig, trainTextModel } from "./train-text-model.js";
export { type LabelledProvision, POLARITY_LABELS, readLabels } from "./training-data.js";
