/** The clause taxonomy knowledge base: schema, loader, pattern matching and rule resolution. */

export { loadSectors, type Sector, type Sectors } from "./load-sectors.js";
export { loadStatementCues, type StatementCues } from "./load-statement-cues.js";
export { loadTaxonomy, type Taxonomy } from "./load-taxonomy.js";
export {
  leadInAllows,
  type MatchSpec,
  matchPatterns,
  matchSpec,
  mentionsSubject,
  type PatternHit,
} from "./match-patterns.js";
export { compileRegex } from "./regex.js";
export { type Resolved, resolvePolarity, resolveSeverity } from "./resolve-rules.js";
export type {
  Agency,
  ClauseType,
  Pattern,
  Polarity,
  PolarityRule,
  Regulation,
  RegulationRef,
  Severity,
  SeverityRule,
  Subject,
} from "./schema.js";
export { TaxonomyError } from "./taxonomy-error.js";
export * from "./vocabulary.js";
