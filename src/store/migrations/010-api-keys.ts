import { idColumn, type SchemaMigration } from "./migration.js";

/**
 * API keys, for self-service watchlists over the HTTP API. Only the SHA-256 of a key is stored, so a copy of
 * the database authenticates no one. A watchlist records the key that created it (none when made from the
 * CLI): the API shows and deletes a key's own watchlists only.
 */
export const apiKeysMigration: SchemaMigration = {
  name: "010-api-keys",
  up: async (db, dialect) => {
    await db.schema
      .createTable("api_keys")
      .addColumn("id", "integer", idColumn(dialect))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("key_sha256", "text", (c) => c.notNull().unique())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("last_used_at", "text")
      .addColumn("revoked_at", "text")
      .execute();
    // Keys are revoked, never deleted, so the reference never dangles.
    await db.schema
      .alterTable("watchlists")
      .addColumn("owner_key_id", "integer", (c) => c.references("api_keys.id"))
      .execute();
    await db.schema.createIndex("watchlists_owner").on("watchlists").column("owner_key_id").execute();
  },
};
