import { sql } from "kysely";
import type { CurrentProvisionIndex } from "../search/current-index.js";

/** PostgreSQL: a flag on the provision rows and a partial GIN index over the flagged ones. */
export const postgresCurrentIndex: CurrentProvisionIndex = {
  async add(db, versionId) {
    await sql`update provisions set searchable = true where version_id = ${versionId}`.execute(db);
  },
  async remove(db, versionId) {
    await sql`update provisions set searchable = false where version_id = ${versionId}`.execute(db);
  },
  async compact(db) {
    // GIN indexes queue fresh entries in a pending list that every search also scans; merge it now.
    await sql`select gin_clean_pending_list('provisions_fts'::regclass), gin_clean_pending_list('provisions_current_fts'::regclass)`.execute(
      db,
    );
  },
};
