import type { Kysely, Selectable } from "kysely";
import type { ApiKey } from "../../model/index.js";
import type { ApiKeyTable, Database } from "../schema.js";

function toApiKey(row: Selectable<ApiKeyTable>): ApiKey {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** API keys, stored as the SHA-256 of the key: the key itself is shown once, when issued, and never kept. */
export class ApiKeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(name: string, keySha256: string, createdAt: string): Promise<ApiKey> {
    const row = await this.db
      .insertInto("api_keys")
      .values({ name, key_sha256: keySha256, created_at: createdAt, last_used_at: null, revoked_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toApiKey(row);
  }

  /** Every key, revoked ones too, oldest first. */
  async list(): Promise<ApiKey[]> {
    return (await this.db.selectFrom("api_keys").selectAll().orderBy("id").execute()).map(toApiKey);
  }

  /** The key whose hash this is, with the stored hash (for a constant-time check by the caller). */
  async findByHash(keySha256: string): Promise<{ key: ApiKey; keySha256: string } | undefined> {
    const row = await this.db
      .selectFrom("api_keys")
      .selectAll()
      .where("key_sha256", "=", keySha256)
      .executeTakeFirst();
    return row ? { key: toApiKey(row), keySha256: row.key_sha256 } : undefined;
  }

  async touch(id: number, at: string): Promise<void> {
    await this.db.updateTable("api_keys").set({ last_used_at: at }).where("id", "=", id).execute();
  }

  /** Revokes a key at once; false when there is no such key or it was already revoked. */
  async revoke(id: number, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable("api_keys")
      .set({ revoked_at: at })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
