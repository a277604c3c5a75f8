import { type Kysely, sql } from "kysely";
import type { DialectName, SchemaMigration } from "./migration.js";

/**
 * PostgreSQL: the provisions' text search vector stored once (a generated column) instead of computed from the
 * text at every query. Ranking a page of results recomputed it for every match, and rechecking a bitmap scan
 * did again: most of a search's time. The expression indexes give way to indexes on the column. SQLite's FTS5
 * tables already store their index; nothing changes there.
 */
export const searchVectorMigration: SchemaMigration = {
  name: "007-search-vector",
  async up(db: Kysely<unknown>, dialect: DialectName) {
    if (dialect !== "postgres") return;
    await sql`alter table provisions add column search_vector tsvector
      generated always as (to_tsvector('english', text)) stored`.execute(db);
    await sql`drop index provisions_fts`.execute(db);
    await sql`drop index provisions_current_fts`.execute(db);
    await sql`create index provisions_fts on provisions using gin (search_vector)`.execute(db);
    await sql`create index provisions_current_fts on provisions using gin (search_vector) where searchable`.execute(
      db,
    );
  },
};
