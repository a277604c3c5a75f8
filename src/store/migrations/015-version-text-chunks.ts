import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.js";
import { CHUNKED_TEXT_UNITS, insertTextChunks } from "../text/text-chunks.js";
import type { SchemaMigration } from "./migration.js";

/**
 * Very large version texts in chunks, and provisions found by their place in the text: a page of a 47 MB
 * version reads its part of the text and the provisions it shows, not the whole version. Versions stored
 * before are chunked here, one at a time.
 */
export const versionTextChunksMigration: SchemaMigration = {
  name: "015-version-text-chunks",
  async up(db) {
    await db.schema
      .createTable("version_text_chunks")
      .addColumn("version_id", "integer", (c) => c.notNull().references("versions.id").onDelete("cascade"))
      .addColumn("start_offset", "integer", (c) => c.notNull())
      .addColumn("end_offset", "integer", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("version_text_chunks_pk", ["version_id", "start_offset"])
      .execute();
    await db.schema
      .createIndex("provisions_version_place")
      .on("provisions")
      .columns(["version_id", "start_offset", "end_offset"])
      .execute();
    const typed = db as unknown as Kysely<Database>;
    // A text has at least as many UTF-8 bytes as UTF-16 units: the byte length picks every candidate.
    const large = await typed
      .selectFrom("versions")
      .select("id")
      .where(sql<number>`octet_length(text)`, ">", CHUNKED_TEXT_UNITS)
      .orderBy("id")
      .execute();
    for (const { id } of large) {
      const row = await typed
        .selectFrom("versions")
        .select("text")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      await insertTextChunks(typed, id, row.text);
    }
  },
};
