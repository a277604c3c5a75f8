/** Change intelligence: provision diff, noise vs substance, severity, summaries and diff rendering. */
export { type AnalyzeVersion, analyzeVersion, segmentOnly } from "./analyze-version.js";
export { ChangeContext } from "./change-context.js";
export {
  type ChangeRecordInput,
  type ChangeRecordResult,
  computeChangeRecord,
} from "./change-record.js";
export { type ChangeAssessment, classifyChange } from "./classify-change.js";
export { countChanges, formatCounts } from "./counts.js";
export { hasDate, isDateStamp, stripDates } from "./dates.js";
export { deltasOf, weighDeltas } from "./deltas.js";
export { diffProvisions, type ProvisionChangeEntry, type ProvisionDiff } from "./diff-provisions.js";
export { InvalidProvisionsError } from "./errors.js";
export { headlineOf } from "./headline.js";
export {
  DEFAULT_MATCH_OPTIONS,
  type MatchOptions,
  matchProvisions,
  type ProvisionMatch,
} from "./match-provisions.js";
export { type ChangeSides, type NoiseReason, noiseOf } from "./noise.js";
export { foldMinor, normalizeMinor, normalizeTechnical, stripTrackingParams } from "./normalize.js";
export { type OutsideChange, outsideChanges } from "./outside-text.js";
export { kindRank, maxKind, maxSeverity, severityRank } from "./ranks.js";
export { type RenderOptions, renderDiffText } from "./render-diff.js";
export { type Weight, weighChange } from "./severity.js";
export { type AssessedChange, type SummaryOptions, summarizeChanges } from "./summarize.js";
export { changedText, type WordDiffOp, type WordDiffSegment, wordDiff } from "./word-diff.js";
