import { type Kysely, sql } from "kysely";
import type { DialectName, SchemaMigration } from "./migration.js";

/**
 * A full-text index over the provisions in force only. Searching current provisions through the index of every
 * version ranked all the archive's matches before filtering them (a common query matched twenty times more rows
 * than it returned). `search_heads` records, per document, the version whose provisions are indexed: the newest
 * analysed one. SQLite keeps them in a second FTS5 table; PostgreSQL flags them and indexes the flagged rows.
 */
export const currentSearchMigration: SchemaMigration = {
  name: "004-current-search",
  async up(db: Kysely<unknown>, dialect: DialectName) {
    await db.schema
      .createTable("search_heads")
      .addColumn("document_id", "integer", (c) => c.primaryKey().references("documents.id"))
      .addColumn("version_id", "integer", (c) => c.notNull().references("versions.id"))
      .execute();
    // Newest analysed version of each document, by the same order as the versions in force.
    await sql`insert into search_heads (document_id, version_id)
      select a.document_id, (
        select v.id from versions v join version_analyses b on b.version_id = v.id
        where v.document_id = a.document_id order by v.recorded_at desc, v.id desc limit 1)
      from (select distinct document_id from version_analyses) a`.execute(db);
    if (dialect === "sqlite") {
      await sql`create virtual table current_provisions_fts using fts5(text, content='provisions', content_rowid='id', tokenize='porter unicode61')`.execute(
        db,
      );
      await sql`insert into current_provisions_fts (rowid, text)
        select id, text from provisions where version_id in (select version_id from search_heads)`.execute(
        db,
      );
    } else {
      await sql`alter table provisions add column searchable boolean not null default false`.execute(db);
      await sql`update provisions set searchable = true where version_id in (select version_id from search_heads)`.execute(
        db,
      );
      await sql`create index provisions_current_fts on provisions using gin (to_tsvector('english', text)) where searchable`.execute(
        db,
      );
    }
  },
};
