/** Domain records of the archive: platforms, documents, snapshots, versions and the hash chain. */

/** A platform whose documents are tracked (e.g. "edX"). */
export interface Platform {
  id: number;
  /** URL-safe, unique, never reused. */
  slug: string;
  name: string;
  sector: string | null;
  homepage: string | null;
}

/** One OTA-style source: where and how a document is fetched. */
export interface SourceDocumentDeclaration {
  fetch: string;
  select?: string | RangeSelector | Array<string | RangeSelector>;
  remove?: string | RangeSelector | Array<string | RangeSelector>;
  filter?: string[];
  executeClientScripts?: boolean;
}

/** OTA range selector: a region between two anchors. */
export interface RangeSelector {
  startBefore?: string;
  startAfter?: string;
  endBefore?: string;
  endAfter?: string;
}

/** A typed document of a platform (its Privacy Policy, its Terms of Service…). */
export interface TrackedDocument {
  id: number;
  platformId: number;
  /** Canonical Open Terms Archive terms type, e.g. "Privacy Policy". */
  termsType: string;
  /** Declared sources; several when OTA `combine` joins pages into one document. Empty for imported histories. */
  sources: SourceDocumentDeclaration[];
  /** Last capture or extraction error, kept until the next success. */
  lastError: string | null;
  lastErrorAt: string | null;
}

/** How a snapshot's bytes were obtained. */
export type CaptureMethod = "http" | "browser" | "file" | "import";

/**
 * Where a WARC record is kept: in a `.warc.gz` file of the data directory of the machine that captured it
 * (SQLite, or `CLAUSEWATCH_ARCHIVE_STORE=files`), or in the database's `warc_records`, which every machine reads.
 */
export type WarcLocation =
  | { store: "file" /** Relative to the data directory's `warc` folder. */; file: string; offset: number }
  | { store: "database"; recordId: number };

/** Immutable raw bytes of one capture, content-addressed by SHA-256, with provenance. */
export interface Snapshot {
  id: number;
  documentId: number;
  /** SHA-256 (hex) of the raw bytes, also their address in the blob store. */
  sha256: string;
  url: string;
  /** ISO 8601 UTC. */
  capturedAt: string;
  method: CaptureMethod;
  httpStatus: number | null;
  headers: Record<string, string>;
  mimeType: string;
  size: number;
  /** Where this capture's WARC record is; null for imports and local files, which have none. */
  warc: WarcLocation | null;
  /**
   * What extraction had to work around ("selector matched nothing: main content detected instead"). Derived
   * data, so outside the hash chain: re-extracting the same bytes gives the same warnings.
   */
  extractionWarnings: string[];
}

/** Clean Markdown text of a document at a point in time. */
export interface Version {
  id: number;
  documentId: number;
  /** Snapshot this text was extracted from; a version never exists without one. */
  snapshotId: number;
  /** SHA-256 (hex) of `text` as UTF-8. */
  sha256: string;
  text: string;
  /** ISO 8601 UTC date the text was valid (capture or dataset date). */
  recordedAt: string;
  /** For imported OTA histories: the source commit kind ("Record new changes", "Refilter"…). */
  commitKind: string | null;
}

/** A capture whose extracted text equals the current version: proof the text was still published. */
export interface Verification {
  id: number;
  documentId: number;
  versionId: number;
  snapshotId: number;
  verifiedAt: string;
}

/** Kinds of record that the hash chain covers; analyses and change records through their seals. */
export type ChainRecordKind = "snapshot" | "version" | "verification" | SealKind;

/** Records that legitimately change, covered one reading (seal) at a time. */
export type SealKind = "analysis" | "change-record";

/** One link of the tamper-evident chain: each entry commits to the previous entry's hash. */
export interface ChainEntry {
  seq: number;
  kind: ChainRecordKind;
  recordId: number;
  /** SHA-256 over the canonical form of the covered record. */
  recordHash: string;
  prevHash: string;
  /** SHA-256 over prevHash, recordHash and this entry's metadata. */
  entryHash: string;
  createdAt: string;
}
