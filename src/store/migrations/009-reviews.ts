import type { Kysely } from "kysely";
import { type DialectName, idColumn, type SchemaMigration } from "./migration.js";

/** Reviewers' corrections of classifications (keyed by the provision's text, so they follow it across versions). */
export const reviewsMigration: SchemaMigration = {
  name: "009-reviews",
  async up(db: Kysely<unknown>, dialect: DialectName) {
    await db.schema
      .createTable("reviews")
      .addColumn("id", "integer", idColumn(dialect))
      .addColumn("provision_id", "integer", (c) =>
        c.notNull().references("provisions.id").onDelete("cascade"),
      )
      .addColumn("text_sha256", "text", (c) => c.notNull())
      .addColumn("clause_type", "text", (c) => c.notNull())
      .addColumn("verdict", "text", (c) => c.notNull())
      .addColumn("new_type", "text")
      .addColumn("polarity", "text")
      .addColumn("reviewer", "text", (c) => c.notNull())
      .addColumn("note", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("reviews_text").on("reviews").columns(["text_sha256", "id"]).execute();
  },
};
