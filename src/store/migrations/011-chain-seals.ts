import { idColumn, type SchemaMigration } from "./migration.js";

/**
 * Seals: what the hash chain covers of records that legitimately change (analyses are redone, change records
 * recomputed). Each reading is a new seal row with its own chain entry, never an update, so the history of
 * readings stays provable; `verify` compares the newest seal of each record with what is stored now.
 */
export const chainSealsMigration: SchemaMigration = {
  name: "011-chain-seals",
  up: async (db, dialect) => {
    await db.schema
      .createTable("chain_seals")
      .addColumn("id", "integer", idColumn(dialect))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("subject_id", "integer", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("sealed_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("chain_seals_subject")
      .on("chain_seals")
      .columns(["kind", "subject_id", "id"])
      .execute();
  },
};
