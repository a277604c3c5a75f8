import type { Kysely } from "kysely";
import type { ApiKey } from "../../model/index.js";
import type { Database } from "../schema.js";

/** The columns of an {@link ApiKey}, named as the model names them (never the hash). */
const KEY_COLUMNS = [
  "id",
  "name",
  "created_at as createdAt",
  "last_used_at as lastUsedAt",
  "revoked_at as revokedAt",
] as const;

/** API keys, stored as the SHA-256 of the key: the key itself is shown once, when issued, and never kept. */
export class ApiKeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a new key by its hash. */
  async create(name: string, keySha256: string, createdAt: string): Promise<ApiKey> {
    return this.db
      .insertInto("api_keys")
      .values({ name, key_sha256: keySha256, created_at: createdAt, last_used_at: null, revoked_at: null })
      .returning(KEY_COLUMNS)
      .executeTakeFirstOrThrow();
  }

  /** Every key, revoked ones too, oldest first. */
  async list(): Promise<ApiKey[]> {
    return this.db.selectFrom("api_keys").select(KEY_COLUMNS).orderBy("id").execute();
  }

  /** The key whose hash this is, with the stored hash (for a constant-time check by the caller). */
  async findByHash(keySha256: string): Promise<{ key: ApiKey; keySha256: string } | undefined> {
    const row = await this.db
      .selectFrom("api_keys")
      .select([...KEY_COLUMNS, "key_sha256"])
      .where("key_sha256", "=", keySha256)
      .executeTakeFirst();
    if (!row) return undefined;
    const { key_sha256, ...key } = row;
    return { key, keySha256: key_sha256 };
  }

  /** Records that the key authenticated a request at `at`. */
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
