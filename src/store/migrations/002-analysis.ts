import { type Kysely, sql } from "kysely";
import { type DialectName, idColumn, type SchemaMigration } from "./migration.js";

/** Provisions, classifications, per-version analysis, change records, and full-text search over provisions. */
export const analysisMigration: SchemaMigration = {
  name: "002-analysis",
  async up(db: Kysely<unknown>, dialect: DialectName) {
    const id = idColumn(dialect);
    await db.schema
      .createTable("version_analyses")
      .addColumn("version_id", "integer", (c) => c.primaryKey().references("versions.id"))
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id"))
      .addColumn("language", "text", (c) => c.notNull())
      .addColumn("grade", "text")
      .addColumn("score", "real")
      .addColumn("grade_details", "text", (c) => c.notNull())
      .addColumn("entities", "text", (c) => c.notNull())
      .addColumn("provision_count", "integer", (c) => c.notNull())
      .addColumn("analyzer", "text", (c) => c.notNull())
      .addColumn("analyzed_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("provisions")
      .addColumn("id", "integer", id)
      .addColumn("version_id", "integer", (c) => c.notNull().references("versions.id"))
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id"))
      .addColumn("idx", "integer", (c) => c.notNull())
      .addColumn("key", "text", (c) => c.notNull())
      .addColumn("heading_path", "text", (c) => c.notNull())
      .addColumn("start_offset", "integer", (c) => c.notNull())
      .addColumn("end_offset", "integer", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("max_severity", "text")
      .addUniqueConstraint("provisions_version_idx_unique", ["version_id", "idx"])
      .execute();
    await db.schema
      .createIndex("provisions_document_key")
      .on("provisions")
      .columns(["document_id", "key"])
      .execute();
    await db.schema
      .createTable("classifications")
      .addColumn("id", "integer", id)
      .addColumn("provision_id", "integer", (c) => c.notNull().references("provisions.id"))
      .addColumn("version_id", "integer", (c) => c.notNull().references("versions.id"))
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id"))
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("confidence", "real", (c) => c.notNull())
      .addColumn("polarity", "text", (c) => c.notNull())
      .addColumn("severity", "text", (c) => c.notNull())
      .addColumn("evidence_start", "integer", (c) => c.notNull())
      .addColumn("evidence_end", "integer", (c) => c.notNull())
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("reasons", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("classifications_provision")
      .on("classifications")
      .columns(["provision_id"])
      .execute();
    await db.schema
      .createIndex("classifications_type")
      .on("classifications")
      .columns(["type", "version_id"])
      .execute();
    await db.schema
      .createIndex("classifications_version")
      .on("classifications")
      .columns(["version_id"])
      .execute();
    await db.schema
      .createTable("change_records")
      .addColumn("id", "integer", id)
      .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id"))
      .addColumn("from_version_id", "integer", (c) => c.references("versions.id"))
      .addColumn("to_version_id", "integer", (c) => c.notNull().unique().references("versions.id"))
      .addColumn("recorded_at", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("severity", "text", (c) => c.notNull())
      .addColumn("summary", "text", (c) => c.notNull())
      .addColumn("provision_changes", "text", (c) => c.notNull())
      .addColumn("computed_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("change_records_document")
      .on("change_records")
      .columns(["document_id", "recorded_at"])
      .execute();
    if (dialect === "sqlite") {
      // External-content FTS5 index over provisions, kept in sync by triggers.
      await sql`create virtual table provisions_fts using fts5(text, content='provisions', content_rowid='id', tokenize='porter unicode61')`.execute(
        db,
      );
      await sql`create trigger provisions_fts_insert after insert on provisions begin
        insert into provisions_fts(rowid, text) values (new.id, new.text); end`.execute(db);
      await sql`create trigger provisions_fts_delete after delete on provisions begin
        insert into provisions_fts(provisions_fts, rowid, text) values ('delete', old.id, old.text); end`.execute(
        db,
      );
    } else {
      await sql`create index provisions_fts on provisions using gin (to_tsvector('english', text))`.execute(
        db,
      );
    }
  },
};
