import type { Kysely } from "kysely";
import { bigIntType, type DialectName, idColumn, type SchemaMigration } from "./migration.js";

/** Platforms, documents, snapshots, versions, verifications, capture errors and the hash chain. */
export const archiveMigration: SchemaMigration = {
  name: "001-archive",
  async up(db: Kysely<unknown>, dialect: DialectName) {
    const id = idColumn(dialect);
    await db.schema
      .createTable("platforms")
      .addColumn("id", "integer", id)
      .addColumn("slug", "text", (c) => c.notNull().unique())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("sector", "text")
      .addColumn("homepage", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("documents")
      .addColumn("id", "integer", id)
      .addColumn("platform_id", "integer", (c) => c.notNull().references("platforms.id"))
      .addColumn("terms_type", "text", (c) => c.notNull())
      .addColumn("sources", "text", (c) => c.notNull())
      .addColumn("last_error", "text")
      .addColumn("last_error_at", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addUniqueConstraint("documents_platform_type_unique", ["platform_id", "terms_type"])
      .execute();
    await db.schema
      .createTable("snapshots")
      .addColumn("id", "integer", id)
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id"))
      .addColumn("sha256", "text", (c) => c.notNull())
      .addColumn("url", "text", (c) => c.notNull())
      .addColumn("captured_at", "text", (c) => c.notNull())
      .addColumn("method", "text", (c) => c.notNull())
      .addColumn("http_status", "integer")
      .addColumn("headers", "text", (c) => c.notNull())
      .addColumn("mime_type", "text", (c) => c.notNull())
      .addColumn("size", bigIntType(dialect), (c) => c.notNull())
      .addColumn("warc_file", "text")
      .addColumn("warc_offset", bigIntType(dialect))
      .execute();
    await db.schema.createIndex("snapshots_document").on("snapshots").columns(["document_id"]).execute();
    await db.schema
      .createTable("versions")
      .addColumn("id", "integer", id)
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id"))
      .addColumn("snapshot_id", "integer", (c) => c.notNull().references("snapshots.id"))
      .addColumn("sha256", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("recorded_at", "text", (c) => c.notNull())
      .addColumn("commit_kind", "text")
      .addUniqueConstraint("versions_document_time_unique", ["document_id", "recorded_at"])
      .execute();
    await db.schema
      .createTable("verifications")
      .addColumn("id", "integer", id)
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id"))
      .addColumn("version_id", "integer", (c) => c.notNull().references("versions.id"))
      .addColumn("snapshot_id", "integer", (c) => c.notNull().references("snapshots.id"))
      .addColumn("verified_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("chain_entries")
      .addColumn("seq", "integer", (c) => c.primaryKey())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("record_id", "integer", (c) => c.notNull())
      .addColumn("record_hash", "text", (c) => c.notNull())
      .addColumn("prev_hash", "text", (c) => c.notNull())
      .addColumn("entry_hash", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addUniqueConstraint("chain_entries_record_unique", ["kind", "record_id"])
      .execute();
    await db.schema
      .createTable("capture_errors")
      .addColumn("id", "integer", id)
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id"))
      .addColumn("occurred_at", "text", (c) => c.notNull())
      .addColumn("url", "text", (c) => c.notNull())
      .addColumn("code", "text", (c) => c.notNull())
      .addColumn("message", "text", (c) => c.notNull())
      .addColumn("transient", "integer", (c) => c.notNull())
      .execute();
  },
};
