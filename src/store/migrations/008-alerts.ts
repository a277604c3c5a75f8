import type { Kysely } from "kysely";
import { type DialectName, idColumn, type SchemaMigration } from "./migration.js";

/**
 * Watchlists and their alerts. An alert row is written in the transaction that stores its change record
 * (an outbox): a crash between the two cannot lose an alert, and the unique pair makes it one per change
 * per watchlist however often the record is recomputed.
 */
export const alertsMigration: SchemaMigration = {
  name: "008-alerts",
  async up(db: Kysely<unknown>, dialect: DialectName) {
    const id = idColumn(dialect);
    await db.schema
      .createTable("watchlists")
      .addColumn("id", "integer", id)
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("target", "text")
      .addColumn("cadence", "text", (c) => c.notNull())
      .addColumn("filter", "text", (c) => c.notNull())
      .addColumn("secret", "text", (c) => c.notNull().unique())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("last_digest_at", "text")
      .execute();
    await db.schema
      .createTable("alerts")
      .addColumn("id", "integer", id)
      .addColumn("watchlist_id", "integer", (c) =>
        c.notNull().references("watchlists.id").onDelete("cascade"),
      )
      .addColumn("change_record_id", "integer", (c) =>
        c.notNull().references("change_records.id").onDelete("cascade"),
      )
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("next_attempt_at", "text", (c) => c.notNull())
      .addColumn("lease_until", "text")
      .addColumn("last_error", "text")
      .addColumn("delivered_at", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addUniqueConstraint("alerts_once", ["watchlist_id", "change_record_id"])
      .execute();
    await db.schema.createIndex("alerts_due").on("alerts").columns(["status", "next_attempt_at"]).execute();
  },
};
