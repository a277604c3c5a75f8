/**
 * Read-only queries behind the web pages and the HTTP API. They run unchanged on SQLite and PostgreSQL
 * (full-text search is the one dialect branch) and never write.
 */

export type {
  ChangeRecordDetail,
  ChangeRecordFilter,
  ChangeRecordListItem,
  MonthlyChanges,
} from "./change-records.js";
export { changeRecordKey, changesPerMonth, getChangeRecord, listChangeRecords } from "./change-records.js";
export { type CitationFacts, citationFacts } from "./citations.js";
export {
  bestClauseExcerpts,
  type ClauseExcerpt,
  type CurrentClassification,
  currentClassifications,
} from "./clause-excerpts.js";
export { type ClauseView, clausesOf, clausesOfVersion } from "./clauses.js";
export { type CurrentVersion, currentVersions } from "./current-versions.js";
export { clauseTypesFound, type DashboardCounts, dashboardCounts } from "./dashboard.js";
export { type DocumentDetail, type DocumentListItem, getDocument, listDocuments } from "./documents.js";
export { mostSevereProvisions, newSevereProvisions } from "./most-severe.js";
export {
  type CursorPage,
  decodeCursor,
  encodeCursor,
  InvalidCursorError,
  type NumberedPage,
  type SortKey,
  splitPage,
} from "./pagination.js";
export {
  findPlatform,
  findPlatforms,
  listPlatformNames,
  listPlatforms,
  type PlatformListItem,
} from "./platforms.js";
export { type ClauseTypePrevalence, clauseTypePrevalence, type PrevalenceTable } from "./prevalence.js";
export { type ProvisionAppearance, provisionHistory } from "./provision-history.js";
export {
  getProvision,
  lastProvisionStart,
  listProvisions,
  type ProvisionDetail,
  type ProvisionFilter,
  type ProvisionListItem,
  type ProvisionView,
  provisionCounts,
  provisionsOfVersion,
} from "./provisions.js";
export type { QuerySource } from "./query-source.js";
export {
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  type SearchFilter,
  type SearchHit,
  searchProvisions,
  searchTerms,
} from "./search.js";
export { emptyCounts, SEVERITY_ORDER, type SeverityCounts, toSeverity } from "./severity.js";
export { openVersionText, type VersionText } from "./version-text.js";
export {
  getVersion,
  getVersionAnalysis,
  getVersionProof,
  listVersions,
  type VersionAnalysisView,
  type VersionDetail,
  type VersionEvidence,
  type VersionListItem,
  type VersionProof,
} from "./versions.js";
