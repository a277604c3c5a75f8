import type { Kysely } from "kysely";
import type { SchemaMigration } from "./migration.js";

/** Covering indexes for the web pages' hottest reads (dashboard, provision filters, change lists). */
export const readIndexesMigration: SchemaMigration = {
  name: "003-read-indexes",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex("provisions_version_severity")
      .on("provisions")
      .columns(["version_id", "max_severity"])
      .execute();
    await db.schema
      .createIndex("classifications_version_type_cover")
      .on("classifications")
      .columns(["version_id", "type", "severity", "polarity", "document_id", "provision_id", "confidence"])
      .execute();
    await db.schema
      .createIndex("change_records_recent")
      .on("change_records")
      .columns(["recorded_at", "id", "document_id", "from_version_id", "severity", "kind"])
      .execute();
  },
};
