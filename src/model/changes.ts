/** Domain types of change intelligence. */
import type { Severity } from "./analysis.js";

/** substantive: the platform changed what it says; minor: dates, typos, links, formatting; technical: extraction only. */
export type ChangeKind = "substantive" | "minor" | "technical";

export type ProvisionChangeType = "added" | "removed" | "modified" | "moved";

export interface ProvisionChange {
  change: ProvisionChangeType;
  /** Provision text before (null when added). */
  before: string | null;
  /** Provision text after (null when removed). */
  after: string | null;
  beforeKey: string | null;
  afterKey: string | null;
  /** Clause type ids involved, before and after merged. */
  clauses: string[];
  clausesBefore: string[];
  clausesAfter: string[];
  /** Position (`Provision.index`) in the before / after version; null on the side where it is absent. */
  beforeIndex?: number | null;
  afterIndex?: number | null;
  /** Noise vs substance of this one change (the record's kind is the most substantive of them). */
  kind?: ChangeKind;
  /** Weight of this one change; "low" for minor and technical changes. */
  severity?: Severity;
}

export interface ChangeRecordData {
  kind: ChangeKind;
  severity: Severity;
  summary: string[];
  provisionChanges: ProvisionChange[];
}
