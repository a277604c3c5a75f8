import type { SchemaMigration } from "./migration.js";
import { bigIntType, idColumn } from "./migration.js";

/**
 * The archive's bytes in the database, so workers on many machines share one archive without a shared disk:
 * `blobs` holds snapshot bytes by SHA-256, `warc_records` one gzip-compressed WARC record each, and a snapshot
 * points at its record by `warc_record_id` (instead of `warc_file` and `warc_offset`, which name a file on the
 * disk of the machine that captured it). Created on both backends; PostgreSQL uses them by default.
 */
export const archiveInDatabaseMigration: SchemaMigration = {
  name: "014-archive-in-database",
  async up(db, dialect) {
    const binary = dialect === "sqlite" ? "blob" : "bytea";
    await db.schema
      .createTable("blobs")
      .addColumn("sha256", "text", (c) => c.primaryKey())
      .addColumn("size", bigIntType(dialect), (c) => c.notNull())
      .addColumn("bytes", binary, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("warc_records")
      .addColumn("id", "integer", idColumn(dialect))
      .addColumn("captured_at", "text", (c) => c.notNull())
      .addColumn("gzip", binary, (c) => c.notNull())
      .execute();
    await db.schema
      .alterTable("snapshots")
      .addColumn("warc_record_id", "integer", (c) => c.references("warc_records.id"))
      .execute();
  },
};
