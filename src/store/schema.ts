import type { Generated } from "kysely";

/** Row shapes of the database, shared by both backends. Times are ISO 8601 UTC strings. */
export interface PlatformTable {
  id: Generated<number>;
  slug: string;
  name: string;
  sector: string | null;
  homepage: string | null;
  created_at: string;
}

export interface DocumentTable {
  id: Generated<number>;
  platform_id: number;
  terms_type: string;
  /** JSON array of SourceDocumentDeclaration. */
  sources: string;
  last_error: string | null;
  last_error_at: string | null;
  created_at: string;
}

export interface SnapshotTable {
  id: Generated<number>;
  document_id: number;
  sha256: string;
  url: string;
  captured_at: string;
  method: string;
  http_status: number | null;
  /** JSON object, lower-cased header names. */
  headers: string;
  mime_type: string;
  size: number;
  warc_file: string | null;
  warc_offset: number | null;
  /** The capture's WARC record in `warc_records` (migration 014); set instead of `warc_file` and `warc_offset`. */
  warc_record_id: number | null;
  /** JSON array of strings (migration 006). */
  extraction_warnings: string;
}

export interface VersionTable {
  id: Generated<number>;
  document_id: number;
  snapshot_id: number;
  sha256: string;
  text: string;
  recorded_at: string;
  commit_kind: string | null;
}

/** A range of a very large version's text, so pages read only what they show (migration 014). */
export interface VersionTextChunkTable {
  version_id: number;
  /** UTF-16 offsets into the version text: [start_offset, end_offset). */
  start_offset: number;
  end_offset: number;
  text: string;
}

export interface VerificationTable {
  id: Generated<number>;
  document_id: number;
  version_id: number;
  snapshot_id: number;
  verified_at: string;
}

export interface ChainEntryTable {
  seq: number;
  kind: string;
  record_id: number;
  record_hash: string;
  prev_hash: string;
  entry_hash: string;
  created_at: string;
}

/** One reading of an analysis or a change record, covered by the chain entry of the same kind (migration 011). */
export interface ChainSealTable {
  id: Generated<number>;
  /** "analysis" (subject: the version id) or "change-record" (subject: the record id). */
  kind: string;
  subject_id: number;
  /** Canonical JSON of what the seal covers; its SHA-256 is the chain entry's record hash. */
  body: string;
  sealed_at: string;
}

/** Snapshot bytes kept in the database, by SHA-256 (migration 014). */
export interface BlobTable {
  sha256: string;
  size: number;
  bytes: Uint8Array;
}

/** One WARC record (one gzip member, as in a `.warc.gz` file) kept in the database (migration 014). */
export interface WarcRecordTable {
  id: Generated<number>;
  captured_at: string;
  gzip: Uint8Array;
}

export interface CaptureErrorTable {
  id: Generated<number>;
  document_id: number;
  occurred_at: string;
  url: string;
  code: string;
  message: string;
  transient: number;
}

export interface VersionAnalysisTable {
  version_id: number;
  document_id: number;
  /** ISO 639-1 code of the detected language; classification runs on English only. */
  language: string;
  grade: string | null;
  score: number | null;
  /** JSON: grade formula contributions. */
  grade_details: string;
  /** JSON: Entities. */
  entities: string;
  provision_count: number;
  /** Analyzer identity (model hash), so stale analyses can be recomputed. */
  analyzer: string;
  analyzed_at: string;
}

export interface ProvisionTable {
  id: Generated<number>;
  version_id: number;
  document_id: number;
  idx: number;
  key: string;
  /** JSON array of headings, outermost first. */
  heading_path: string;
  start_offset: number;
  end_offset: number;
  text: string;
  /** Highest severity among the provision's concerning or neutral clauses (null: none). */
  max_severity: string | null;
}

/** Per document, the version whose provisions are in the index of current provisions. */
export interface SearchHeadTable {
  document_id: number;
  version_id: number;
}

export interface ClassificationTable {
  id: Generated<number>;
  provision_id: number;
  version_id: number;
  document_id: number;
  type: string;
  confidence: number;
  polarity: string;
  severity: string;
  evidence_start: number;
  evidence_end: number;
  source: string;
  /** JSON array of ClassificationReason. */
  reasons: string;
}

export interface ChangeRecordTable {
  id: Generated<number>;
  document_id: number;
  from_version_id: number | null;
  to_version_id: number;
  recorded_at: string;
  kind: string;
  severity: string;
  /** JSON array of summary lines. */
  summary: string;
  /** JSON array of ProvisionChange. */
  provision_changes: string;
  /** JSON array of ChangeDelta ("[]" until recomputed, for records stored before deltas). */
  deltas: Generated<string>;
  /** One-sentence headline ("" until recomputed). */
  headline: Generated<string>;
  computed_at: string;
}

export interface WatchlistTable {
  id: Generated<number>;
  name: string;
  channel: string;
  target: string | null;
  cadence: string;
  /** JSON WatchFilter. */
  filter: string;
  secret: string;
  created_at: string;
  last_digest_at: string | null;
  /** The API key that created it; null for watchlists made from the CLI. */
  owner_key_id: number | null;
}

export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  /** Hex SHA-256 of the key: the key itself is never stored. */
  key_sha256: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AlertTable {
  id: Generated<number>;
  watchlist_id: number;
  change_record_id: number;
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  /** A worker sending the alert holds it until then; another may take it over after. */
  lease_until: string | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface ReviewTable {
  id: Generated<number>;
  provision_id: number;
  text_sha256: string;
  clause_type: string;
  verdict: string;
  new_type: string | null;
  polarity: string | null;
  reviewer: string;
  note: string | null;
  created_at: string;
}

/** A version whose analysis, change record and alerts are not stored yet (see migration 011). */
export interface PendingAnalysisTable {
  version_id: number;
  document_id: number;
  recorded_at: string;
  marked_at: string;
  /** Failed attempts to complete it (an analysis that throws), with the last error. */
  attempts: Generated<number>;
  last_error: string | null;
}

export interface Database {
  pending_analyses: PendingAnalysisTable;
  api_keys: ApiKeyTable;
  reviews: ReviewTable;
  watchlists: WatchlistTable;
  alerts: AlertTable;
  version_analyses: VersionAnalysisTable;
  provisions: ProvisionTable;
  search_heads: SearchHeadTable;
  classifications: ClassificationTable;
  change_records: ChangeRecordTable;
  platforms: PlatformTable;
  documents: DocumentTable;
  snapshots: SnapshotTable;
  versions: VersionTable;
  version_text_chunks: VersionTextChunkTable;
  verifications: VerificationTable;
  chain_entries: ChainEntryTable;
  chain_seals: ChainSealTable;
  capture_errors: CaptureErrorTable;
  blobs: BlobTable;
  warc_records: WarcRecordTable;
}
