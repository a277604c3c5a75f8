import type { SchemaMigration } from "./migration.js";

/**
 * The "pending analysis" mark: written with a new version in the transaction that stores it, deleted in the one
 * that stores its analysis, change record and alerts. A crash between the two leaves the mark, and `serve` and
 * `worker` complete every marked version on their own, so a version never stays without its change record.
 */
export const pendingAnalysesMigration: SchemaMigration = {
  name: "012-pending-analyses",
  up: async (db) => {
    await db.schema
      .createTable("pending_analyses")
      .addColumn("version_id", "integer", (c) => c.primaryKey().references("versions.id").onDelete("cascade"))
      .addColumn("document_id", "integer", (c) => c.notNull())
      .addColumn("recorded_at", "text", (c) => c.notNull())
      .addColumn("marked_at", "text", (c) => c.notNull())
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("last_error", "text")
      .execute();
  },
};
