import type { Kysely, Selectable } from "kysely";
import type { Verification, Version } from "../../model/index.js";
import type { DialectName } from "../migrations/migration.js";
import type { Database, VersionTable } from "../schema.js";
import { chunksProblem, insertTextChunks } from "../text/text-chunks.js";
import { countRows } from "./count-rows.js";

export function toVersion(row: Selectable<VersionTable>): Version {
  return {
    id: row.id,
    documentId: row.document_id,
    snapshotId: row.snapshot_id,
    sha256: row.sha256,
    text: row.text,
    recordedAt: row.recorded_at,
    commitKind: row.commit_kind,
  };
}

/** Version metadata without the (possibly large) text. */
export type VersionSummary = Omit<Version, "text">;

/** Versions (extracted text over time) and verification events. */
export class VersionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  private insertQuery(v: Omit<Version, "id">) {
    return this.db
      .insertInto("versions")
      .values({
        document_id: v.documentId,
        snapshot_id: v.snapshotId,
        sha256: v.sha256,
        text: v.text,
        recorded_at: v.recordedAt,
        commit_kind: v.commitKind,
      })
      .returningAll();
  }

  /** Stores a version, and the chunks of a very large text; run it in a transaction with its chain entry. */
  async insert(v: Omit<Version, "id">): Promise<Version> {
    const row = await this.insertQuery(v).executeTakeFirstOrThrow();
    await insertTextChunks(this.db, row.id, v.text);
    return toVersion(row);
  }

  /**
   * Inserts a new version with its "pending analysis" mark (see PendingAnalysisRepository). PostgreSQL writes both
   * in one statement (a data-modifying `WITH`), saving a round trip per version; SQLite, in process, in two.
   */
  async insertPendingAnalysis(v: Omit<Version, "id">, markedAt: string): Promise<Version> {
    if (this.dialect === "sqlite") {
      const version = await this.insert(v);
      await this.db
        .insertInto("pending_analyses")
        .values({
          version_id: version.id,
          document_id: version.documentId,
          recorded_at: version.recordedAt,
          marked_at: markedAt,
        })
        .execute();
      return version;
    }
    const row = await this.db
      .with("v", () => this.insertQuery(v))
      .with("m", (db) =>
        db
          .insertInto("pending_analyses")
          .columns(["version_id", "document_id", "recorded_at", "marked_at"])
          .expression(
            db
              .selectFrom("v")
              .select((eb) => ["v.id", "v.document_id", "v.recorded_at", eb.val(markedAt).as("marked_at")]),
          ),
      )
      .selectFrom("v")
      .selectAll()
      .executeTakeFirstOrThrow();
    await insertTextChunks(this.db, row.id, v.text);
    return toVersion(row);
  }

  async get(id: number): Promise<Version | undefined> {
    const row = await this.db.selectFrom("versions").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toVersion(row) : undefined;
  }

  /** What is wrong with the chunks that pages read of a very large version's text, or null (see `verify`). */
  chunksProblem(version: Version): Promise<string | null> {
    return chunksProblem(this.db, version.id, version.text);
  }

  /** The version in force at the newest date (ties broken by insertion order). */
  async latest(documentId: number): Promise<Version | undefined> {
    const row = await this.db
      .selectFrom("versions")
      .selectAll()
      .where("document_id", "=", documentId)
      .orderBy("recorded_at", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    return row ? toVersion(row) : undefined;
  }

  /** The newest of a document's versions recorded before `recordedAt`, selecting nothing yet. */
  private newestBefore(documentId: number, recordedAt: string) {
    return this.db
      .selectFrom("versions")
      .where("document_id", "=", documentId)
      .where("recorded_at", "<", recordedAt)
      .orderBy("recorded_at", "desc")
      .orderBy("id", "desc")
      .limit(1);
  }

  /** The version in force just before `recordedAt` (imports may arrive out of order). */
  async before(documentId: number, recordedAt: string): Promise<Version | undefined> {
    const row = await this.newestBefore(documentId, recordedAt).selectAll().executeTakeFirst();
    return row ? toVersion(row) : undefined;
  }

  /** The version recorded just after `recordedAt`, if any (an out-of-order import lands before it). */
  async after(documentId: number, recordedAt: string): Promise<Version | undefined> {
    const row = await this.db
      .selectFrom("versions")
      .selectAll()
      .where("document_id", "=", documentId)
      .where("recorded_at", ">", recordedAt)
      .orderBy("recorded_at", "asc")
      .orderBy("id", "asc")
      .limit(1)
      .executeTakeFirst();
    return row ? toVersion(row) : undefined;
  }

  /**
   * The latest version of a document recorded before `recordedAt` whose text has this SHA-256: the version a
   * document returns to when it goes back to an earlier text.
   */
  async latestWithText(
    documentId: number,
    sha256: string,
    recordedAt: string,
  ): Promise<{ id: number; recordedAt: string } | undefined> {
    const row = await this.newestBefore(documentId, recordedAt)
      .select(["id", "recorded_at"])
      .where("sha256", "=", sha256)
      .executeTakeFirst();
    return row ? { id: row.id, recordedAt: row.recorded_at } : undefined;
  }

  async findAt(documentId: number, recordedAt: string): Promise<Version | undefined> {
    const row = await this.db
      .selectFrom("versions")
      .selectAll()
      .where("document_id", "=", documentId)
      .where("recorded_at", "=", recordedAt)
      .executeTakeFirst();
    return row ? toVersion(row) : undefined;
  }

  /** Metadata of a document's versions, oldest first. */
  async listByDocument(documentId: number): Promise<VersionSummary[]> {
    return (
      await this.db
        .selectFrom("versions")
        .select(["id", "document_id", "snapshot_id", "sha256", "recorded_at", "commit_kind"])
        .where("document_id", "=", documentId)
        .orderBy("recorded_at")
        .orderBy("id")
        .execute()
    ).map((row) => ({
      id: row.id,
      documentId: row.document_id,
      snapshotId: row.snapshot_id,
      sha256: row.sha256,
      recordedAt: row.recorded_at,
      commitKind: row.commit_kind,
    }));
  }

  /** Every version of every document, one at a time (exports, recomputations). */
  async *iterate(pageSize = 200): AsyncGenerator<Version> {
    let after = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom("versions")
        .selectAll()
        .where("id", ">", after)
        .orderBy("id")
        .limit(pageSize)
        .execute();
      for (const row of rows) yield toVersion(row);
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  count(): Promise<number> {
    return countRows(this.db, "versions");
  }

  countVerifications(): Promise<number> {
    return countRows(this.db, "verifications");
  }

  async insertVerification(v: Omit<Verification, "id">): Promise<Verification> {
    const row = await this.db
      .insertInto("verifications")
      .values({
        document_id: v.documentId,
        version_id: v.versionId,
        snapshot_id: v.snapshotId,
        verified_at: v.verifiedAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      id: row.id,
      documentId: row.document_id,
      versionId: row.version_id,
      snapshotId: row.snapshot_id,
      verifiedAt: row.verified_at,
    };
  }

  async getVerification(id: number): Promise<Verification | undefined> {
    const row = await this.db.selectFrom("verifications").selectAll().where("id", "=", id).executeTakeFirst();
    return row
      ? {
          id: row.id,
          documentId: row.document_id,
          versionId: row.version_id,
          snapshotId: row.snapshot_id,
          verifiedAt: row.verified_at,
        }
      : undefined;
  }
}
