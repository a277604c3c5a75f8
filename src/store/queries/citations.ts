import type { RecordKind } from "../../citations/index.js";
import type { QuerySource } from "./query-source.js";

/** The stored facts a citation of one record is built from (see src/citations). */
export interface CitationFacts {
  kind: RecordKind;
  id: number;
  platformName: string;
  platformSlug: string;
  termsType: string;
  documentId: number;
  versionId: number;
  /** Date the cited text was in force (the version's date). */
  recordedAt: string;
  /** SHA-256 of the version text. */
  sha256: string;
  sourceUrl: string;
  /** Provision position, for titles. */
  provisionIndex: number | null;
  headingPath: string | null;
}

function versionFacts(src: QuerySource) {
  return src.db
    .selectFrom("versions as v")
    .innerJoin("snapshots as s", "s.id", "v.snapshot_id")
    .innerJoin("documents as d", "d.id", "v.document_id")
    .innerJoin("platforms as pl", "pl.id", "d.platform_id")
    .select([
      "v.id as version_id",
      "v.recorded_at",
      "v.sha256",
      "s.url",
      "d.id as document_id",
      "d.terms_type",
      "pl.name",
      "pl.slug",
    ]);
}

/**
 * Facts for citing a record: a document is cited at its current version, a change record at the version it
 * introduced, a provision at its own version. Undefined when the record does not exist.
 */
export async function citationFacts(
  src: QuerySource,
  kind: RecordKind,
  id: number,
): Promise<CitationFacts | undefined> {
  let versionId: number | undefined;
  let provisionIndex: number | null = null;
  let headingPath: string | null = null;
  if (kind === "version") versionId = id;
  else if (kind === "provision") {
    const p = await src.db
      .selectFrom("provisions")
      .select(["version_id", "idx", "heading_path"])
      .where("id", "=", id)
      .executeTakeFirst();
    versionId = p?.version_id;
    provisionIndex = p ? Number(p.idx) : null;
    headingPath = p?.heading_path ?? null;
  } else if (kind === "change") {
    const c = await src.db
      .selectFrom("change_records")
      .select("to_version_id")
      .where("id", "=", id)
      .executeTakeFirst();
    versionId = c?.to_version_id;
  } else {
    const v = await src.db
      .selectFrom("versions")
      .select("id")
      .where("document_id", "=", id)
      .orderBy("recorded_at", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    versionId = v?.id;
  }
  if (versionId === undefined) return undefined;
  const row = await versionFacts(src).where("v.id", "=", versionId).executeTakeFirst();
  if (!row) return undefined;
  return {
    kind,
    id,
    platformName: row.name,
    platformSlug: row.slug,
    termsType: row.terms_type,
    documentId: row.document_id,
    versionId: row.version_id,
    recordedAt: row.recorded_at,
    sha256: row.sha256,
    sourceUrl: row.url,
    provisionIndex,
    headingPath,
  };
}
