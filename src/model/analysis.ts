/** Domain types of provision analysis: provisions, classifications, severity, polarity. */

export type Severity = "high" | "medium" | "low";
export type Polarity = "protective" | "neutral" | "concerning";
export type ConfidenceLevel = "High" | "Medium" | "Low";
export type Grade = "A" | "B" | "C" | "D" | "E";

/** A span of the version text: `text === versionText.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** One clause (paragraph, list item, table row) of a version. */
export interface Provision {
  /** Position in the version, from 0. */
  index: number;
  /** Stable identity across versions: survives re-ordering and small edits. */
  key: string;
  /** Headings above the provision, outermost first. */
  headingPath: string[];
  start: number;
  end: number;
  text: string;
  /**
   * Lead-in that the provision depends on to be understood, when it is not a heading: the parent list item,
   * the paragraph ending in ":" that introduces a list, or a table's header row. Plain text, bounded length.
   */
  context?: string;
}

/** Why a classification is what it is: a pattern that matched, a weighted feature, or a reviewer's verdict. */
export interface ClassificationReason {
  kind: "pattern" | "feature" | "reviewer";
  /** Pattern id, n-gram, or the review (number, verdict, reviewer, note). */
  name: string;
  /** Feature weight × value, pattern weight, or 1 for a review. */
  weight: number;
}

/** A clause type found in a provision. */
export interface Classification {
  /** Clause type id from the taxonomy, e.g. "sharing-institutional-clients". */
  type: string;
  name: string;
  confidence: number;
  confidenceLevel: ConfidenceLevel;
  polarity: Polarity;
  severity: Severity;
  evidence: Span;
  source: "pattern" | "model" | "reviewer";
  reasons: ClassificationReason[];
  /** Why the polarity is what it is (taxonomy rule, negated practice); empty or absent = the type's default. */
  polarityReasons?: string[];
  /** Why the severity is what it is (taxonomy rules, protective polarity); empty or absent = the default. */
  severityReasons?: string[];
}

export interface ClassifiedProvision extends Provision {
  clauses: Classification[];
}

/** Named specifics found in a document. */
export interface Entities {
  thirdParties: string[];
  emails: string[];
  dates: { kind: "effective" | "updated" | "other"; text: string; iso: string | null }[];
  retentionPeriods: string[];
  countries: string[];
  dataCategories: string[];
}
