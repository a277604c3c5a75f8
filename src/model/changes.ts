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

/**
 * What a delta compares between the two readings of a provision: clause types gained or lost, the data
 * categories, recipients, named third parties, transfer countries, retention periods and numbers it names, or
 * (when none of these moved) its wording. A later reading of statements adds "actor" and "modality".
 */
export type DeltaKind =
  | "clause-gained"
  | "clause-lost"
  | "data-categories"
  | "recipients"
  | "third-parties"
  | "countries"
  | "retention"
  | "numbers"
  | "wording";

/** Where a delta's evidence lies in one version's text: `[start, end)` offsets. */
export interface DeltaEvidence {
  start: number;
  end: number;
}

/** One clause-level difference between two versions, stated in data. */
export interface ChangeDelta {
  kind: DeltaKind;
  /** Clause type the delta is about (the one gained or lost, or the provision's main type); null if none. */
  clauseType: string | null;
  /** What was read before (values, names, quotes); empty when nothing was. */
  before: string[];
  /** What is read after; empty when nothing is. */
  after: string[];
  /** "broadens" / "narrows" only where the delta shows the direction; null otherwise. */
  direction: "broadens" | "narrows" | null;
  severity: Severity;
  /** Evidence in the previous version's text, null when the delta has none there (a gain). */
  evidenceBefore: DeltaEvidence | null;
  /** Evidence in the new version's text, null when it has none there (a loss). */
  evidenceAfter: DeltaEvidence | null;
  /** The plain-language summary line of the delta. */
  line: string;
}

/** Provision changes by type, counted once per record and shown the same on every surface. */
export interface ChangeCounts {
  added: number;
  removed: number;
  modified: number;
  moved: number;
}

export interface ChangeRecordData {
  kind: ChangeKind;
  severity: Severity;
  /** One sentence: the most severe delta, plus "and N more" (title, feed entry, webhook, e-mail subject). */
  headline: string;
  summary: string[];
  /** Clause-level deltas of the substantive provision changes, most severe first. */
  deltas: ChangeDelta[];
  provisionChanges: ProvisionChange[];
}
