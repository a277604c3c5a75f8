import type { SchemaMigration } from "./migration.js";

/**
 * The clause-level deltas of each change record (JSON) and its one-sentence headline. Records stored before
 * start with none ("[]" and ""); `recompute --all` fills them in.
 */
export const changeDeltasMigration: SchemaMigration = {
  name: "013-change-deltas",
  async up(db) {
    await db.schema
      .alterTable("change_records")
      .addColumn("deltas", "text", (c) => c.notNull().defaultTo("[]"))
      .execute();
    await db.schema
      .alterTable("change_records")
      .addColumn("headline", "text", (c) => c.notNull().defaultTo(""))
      .execute();
  },
};
