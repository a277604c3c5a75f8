import { type Kysely, sql } from "kysely";
import type { SchemaMigration } from "./migration.js";

/** What extraction worked around for each snapshot, shown with the version so readers can judge the text. */
export const extractionWarningsMigration: SchemaMigration = {
  name: "006-extraction-warnings",
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable("snapshots")
      .addColumn("extraction_warnings", "text", (c) => c.notNull().defaultTo(sql`'[]'`))
      .execute();
  },
};
