import { sql } from "kysely";
import type { CurrentProvisionIndex } from "../search/current-index.js";

/**
 * SQLite: a second FTS5 table over the provisions table's text (external content), holding current
 * provisions only. FTS5 removes an entry given the text it was indexed with, hence removal before the rows go.
 */
export const sqliteCurrentIndex: CurrentProvisionIndex = {
  async add(db, versionId) {
    await sql`insert into current_provisions_fts (rowid, text)
      select id, text from provisions where version_id = ${versionId}`.execute(db);
  },
  async remove(db, versionId) {
    await sql`insert into current_provisions_fts (current_provisions_fts, rowid, text)
      select 'delete', id, text from provisions where version_id = ${versionId}`.execute(db);
  },
  async compact(db) {
    // A bulk import leaves each FTS5 table in many b-tree segments that every query merges on the fly
    // (11 after the full corpus); 'optimize' merges them into one.
    await sql`insert into provisions_fts (provisions_fts) values ('optimize')`.execute(db);
    await sql`insert into current_provisions_fts (current_provisions_fts) values ('optimize')`.execute(db);
  },
};
