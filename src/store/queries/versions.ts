import type { Entities } from "../../model/index.js";
import { parseJson, parseStringArray } from "./json.js";
import type { QuerySource } from "./query-source.js";

/** A version in a document's timeline, with its analysis and change record when present. */
export interface VersionListItem {
  id: number;
  documentId: number;
  recordedAt: string;
  sha256: string;
  commitKind: string | null;
  grade: string | null;
  score: number | null;
  provisionCount: number | null;
  changeRecordId: number | null;
  changeKind: string | null;
  changeSeverity: string | null;
}

/** Proof of a version: the snapshot it came from, its chain entry and how often it was re-verified. */
export interface VersionEvidence {
  snapshotId: number;
  snapshotSha256: string;
  sourceUrl: string;
  capturedAt: string;
  method: string;
  httpStatus: number | null;
  mimeType: string;
  size: number;
  /** The WARC file holding the capture's record, when it is kept in files. */
  warcFile: string | null;
  /** The capture's WARC record in the database, when it is kept there (`export-warc` writes it out). */
  warcRecordId: number | null;
  /** What extraction had to work around for this capture (empty when nothing). */
  extractionWarnings: string[];
  chainSeq: number | null;
  chainEntryHash: string | null;
  chainLength: number;
  verificationCount: number;
  lastVerifiedAt: string | null;
}

/** Stored analysis of a version (grade, entities). */
export interface VersionAnalysisView {
  language: string;
  grade: string | null;
  score: number | null;
  gradeDetails: unknown;
  entities: Entities | null;
  provisionCount: number;
  analyzer: string;
  analyzedAt: string;
}

/** A version with its evidence and analysis; its text, possibly very large, is read apart (`openVersionText`). */
export interface VersionDetail {
  id: number;
  documentId: number;
  recordedAt: string;
  sha256: string;
  commitKind: string | null;
  evidence: VersionEvidence;
  analysis: VersionAnalysisView | null;
}

/** A document's versions, oldest first (a document has at most a few hundred). */
export async function listVersions(src: QuerySource, documentId: number): Promise<VersionListItem[]> {
  const rows = await src.db
    .selectFrom("versions as v")
    .leftJoin("version_analyses as a", "a.version_id", "v.id")
    .leftJoin("change_records as c", "c.to_version_id", "v.id")
    .select([
      "v.id",
      "v.document_id",
      "v.recorded_at",
      "v.sha256",
      "v.commit_kind",
      "a.grade",
      "a.score",
      "a.provision_count",
      "c.id as change_id",
      "c.kind as change_kind",
      "c.severity as change_severity",
    ])
    .where("v.document_id", "=", documentId)
    .orderBy("v.recorded_at")
    .orderBy("v.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    documentId: r.document_id,
    recordedAt: r.recorded_at,
    sha256: r.sha256,
    commitKind: r.commit_kind,
    grade: r.grade ?? null,
    score: r.score === null || r.score === undefined ? null : Number(r.score),
    provisionCount:
      r.provision_count === null || r.provision_count === undefined ? null : Number(r.provision_count),
    changeRecordId: r.change_id ?? null,
    changeKind: r.change_kind ?? null,
    changeSeverity: r.change_severity ?? null,
  }));
}

function toAnalysis(analysis: {
  language: string;
  grade: string | null;
  score: number | null;
  grade_details: string;
  entities: string;
  provision_count: number;
  analyzer: string;
  analyzed_at: string;
}): VersionAnalysisView {
  return {
    language: analysis.language,
    grade: analysis.grade,
    score: analysis.score === null ? null : Number(analysis.score),
    gradeDetails: parseJson<unknown>(analysis.grade_details, null),
    entities: parseJson<Entities | null>(analysis.entities, null),
    provisionCount: Number(analysis.provision_count),
    analyzer: analysis.analyzer,
    analyzedAt: analysis.analyzed_at,
  };
}

/** The stored analysis of a version (grade, entities) without its text. */
export async function getVersionAnalysis(
  src: QuerySource,
  versionId: number,
): Promise<VersionAnalysisView | undefined> {
  const row = await src.db
    .selectFrom("version_analyses")
    .selectAll()
    .where("version_id", "=", versionId)
    .executeTakeFirst();
  return row ? toAnalysis(row) : undefined;
}

/** The snapshot columns a version's evidence is made of (`snapshots as s`). */
const SNAPSHOT_COLUMNS = [
  "s.id as snapshot_id",
  "s.sha256 as snapshot_sha256",
  "s.url",
  "s.captured_at",
  "s.method",
  "s.http_status",
  "s.mime_type",
  "s.size",
  "s.warc_file",
  "s.warc_record_id",
  "s.extraction_warnings",
] as const;

interface SnapshotRow {
  snapshot_id: number;
  snapshot_sha256: string;
  url: string;
  captured_at: string;
  method: string;
  http_status: number | null;
  mime_type: string;
  size: number | string;
  warc_file: string | null;
  warc_record_id: number | null;
  extraction_warnings: string;
}

/** One version with its evidence and analysis, without its text. */
export async function getVersion(src: QuerySource, id: number): Promise<VersionDetail | undefined> {
  const row = await src.db
    .selectFrom("versions as v")
    .innerJoin("snapshots as s", "s.id", "v.snapshot_id")
    .select(["v.id", "v.document_id", "v.recorded_at", "v.sha256", "v.commit_kind", ...SNAPSHOT_COLUMNS])
    .where("v.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [evidence, analysis] = await Promise.all([
    evidenceOf(src, id, row),
    src.db.selectFrom("version_analyses").selectAll().where("version_id", "=", id).executeTakeFirst(),
  ]);
  return {
    id: row.id,
    documentId: row.document_id,
    recordedAt: row.recorded_at,
    sha256: row.sha256,
    commitKind: row.commit_kind,
    evidence,
    analysis: analysis ? toAnalysis(analysis) : null,
  };
}

/** A version's proof without its text, for pages that show several versions' (a change record's two). */
export interface VersionProof {
  id: number;
  recordedAt: string;
  /** SHA-256 of the version's text. */
  sha256: string;
  evidence: VersionEvidence;
}

/** The proof of one version, without reading its text. */
export async function getVersionProof(src: QuerySource, id: number): Promise<VersionProof | undefined> {
  const row = await src.db
    .selectFrom("versions as v")
    .innerJoin("snapshots as s", "s.id", "v.snapshot_id")
    .select(["v.id", "v.recorded_at", "v.sha256", ...SNAPSHOT_COLUMNS])
    .where("v.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    recordedAt: row.recorded_at,
    sha256: row.sha256,
    evidence: await evidenceOf(src, id, row),
  };
}

/** The evidence of version `id` captured as `row`: its chain entry and the identical captures since. */
async function evidenceOf(src: QuerySource, id: number, row: SnapshotRow): Promise<VersionEvidence> {
  const [chain, chainLength, verifications] = await Promise.all([
    src.db
      .selectFrom("chain_entries")
      .select(["seq", "entry_hash"])
      .where("kind", "=", "version")
      .where("record_id", "=", id)
      .executeTakeFirst(),
    src.db
      .selectFrom("chain_entries")
      .select((eb) => eb.fn.max("seq").as("n"))
      .executeTakeFirst(),
    src.db
      .selectFrom("verifications")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("verified_at").as("last")])
      .where("version_id", "=", id)
      .executeTakeFirst(),
  ]);
  return {
    snapshotId: row.snapshot_id,
    snapshotSha256: row.snapshot_sha256,
    sourceUrl: row.url,
    capturedAt: row.captured_at,
    method: row.method,
    httpStatus: row.http_status,
    mimeType: row.mime_type,
    size: Number(row.size),
    warcFile: row.warc_file,
    warcRecordId: row.warc_record_id === null ? null : Number(row.warc_record_id),
    extractionWarnings: parseStringArray(row.extraction_warnings),
    chainSeq: chain ? Number(chain.seq) : null,
    chainEntryHash: chain?.entry_hash ?? null,
    chainLength: Number(chainLength?.n ?? 0),
    verificationCount: Number(verifications?.n ?? 0),
    lastVerifiedAt:
      verifications?.last === null || verifications?.last === undefined ? null : String(verifications.last),
  };
}
