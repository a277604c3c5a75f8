import { type Kysely, sql } from "kysely";
import type { SchemaMigration } from "./migration.js";

/**
 * Partial indexes over the change records that count as changes (those with a version before them), shaped
 * like the dashboard's three tallies: by kind, by document (for platforms) and by month, severity and kind
 * (the chart). Each tally then walks its own index in group order instead of sorting the records; the kind
 * index, ordered by time within a kind, also serves "latest substantive changes" without a sort.
 */
export const changeTalliesMigration: SchemaMigration = {
  name: "005-change-tallies",
  async up(db: Kysely<unknown>) {
    const changed = sql<boolean>`from_version_id is not null`;
    await db.schema
      .createIndex("change_records_kind")
      .on("change_records")
      .columns(["kind", "recorded_at", "id"])
      .where(changed)
      .execute();
    await db.schema
      .createIndex("change_records_document_changes")
      .on("change_records")
      .columns(["document_id", "recorded_at"])
      .where(changed)
      .execute();
    await db.schema
      .createIndex("change_records_month")
      .on("change_records")
      .expression(sql`substr(recorded_at, 1, 7), severity, kind`)
      .where(changed)
      .execute();
  },
};
