import type { Kysely, Selectable } from "kysely";
import type { CaptureMethod, Snapshot, WarcLocation } from "../../model/index.js";
import type { Database, SnapshotTable } from "../schema.js";
import { countRows } from "./count-rows.js";

/** A row's WARC columns as a location: a database record, a file and offset, or none. */
function warcLocation(row: Selectable<SnapshotTable>): WarcLocation | null {
  if (row.warc_record_id !== null) return { store: "database", recordId: row.warc_record_id };
  if (row.warc_file !== null)
    return { store: "file", file: row.warc_file, offset: Number(row.warc_offset ?? 0) };
  return null;
}

/** The WARC columns of a location. */
function warcColumns(warc: WarcLocation | null) {
  return {
    warc_file: warc?.store === "file" ? warc.file : null,
    warc_offset: warc?.store === "file" ? warc.offset : null,
    warc_record_id: warc?.store === "database" ? warc.recordId : null,
  };
}

export function toSnapshot(row: Selectable<SnapshotTable>): Snapshot {
  return {
    id: row.id,
    documentId: row.document_id,
    sha256: row.sha256,
    url: row.url,
    capturedAt: row.captured_at,
    method: row.method as CaptureMethod,
    httpStatus: row.http_status,
    headers: JSON.parse(row.headers) as Record<string, string>,
    mimeType: row.mime_type,
    size: Number(row.size),
    warc: warcLocation(row),
    extractionWarnings: JSON.parse(row.extraction_warnings) as string[],
  };
}

/** Snapshots: provenance of every capture; the bytes live in the blob store. */
export class SnapshotRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(s: Omit<Snapshot, "id">): Promise<Snapshot> {
    const row = await this.db
      .insertInto("snapshots")
      .values({
        document_id: s.documentId,
        sha256: s.sha256,
        url: s.url,
        captured_at: s.capturedAt,
        method: s.method,
        http_status: s.httpStatus,
        headers: JSON.stringify(s.headers),
        mime_type: s.mimeType,
        size: s.size,
        ...warcColumns(s.warc),
        extraction_warnings: JSON.stringify(s.extractionWarnings),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSnapshot(row);
  }

  async get(id: number): Promise<Snapshot | undefined> {
    const row = await this.db.selectFrom("snapshots").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toSnapshot(row) : undefined;
  }

  async listByDocument(documentId: number): Promise<Snapshot[]> {
    const rows = await this.db
      .selectFrom("snapshots")
      .selectAll()
      .where("document_id", "=", documentId)
      .orderBy("captured_at")
      .orderBy("id")
      .execute();
    return rows.map(toSnapshot);
  }

  /** The snapshot an OTA import already made of this file, if any (keeps imports idempotent). */
  async findImported(documentId: number, capturedAt: string, sha256: string): Promise<Snapshot | undefined> {
    const row = await this.db
      .selectFrom("snapshots")
      .selectAll()
      .where("document_id", "=", documentId)
      .where("captured_at", "=", capturedAt)
      .where("sha256", "=", sha256)
      .where("method", "=", "import")
      .executeTakeFirst();
    return row ? toSnapshot(row) : undefined;
  }

  /** Every snapshot with a WARC record, oldest first; only those of these platforms (slugs) when given. */
  async listWithWarcRecord(platformSlugs: readonly string[] = []): Promise<Snapshot[]> {
    let query = this.db
      .selectFrom("snapshots as s")
      .selectAll("s")
      .where((eb) => eb.or([eb("s.warc_file", "is not", null), eb("s.warc_record_id", "is not", null)]));
    if (platformSlugs.length > 0) {
      query = query
        .innerJoin("documents as d", "d.id", "s.document_id")
        .innerJoin("platforms as p", "p.id", "d.platform_id")
        .where("p.slug", "in", platformSlugs);
    }
    const rows = await query.orderBy("s.id").execute();
    return rows.map(toSnapshot);
  }

  count(): Promise<number> {
    return countRows(this.db, "snapshots");
  }
}
