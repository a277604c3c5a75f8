import type { Kysely } from "kysely";
import { sha256Hex } from "../../util/hash.js";
import type { Database } from "../schema.js";
import { BlobNotFoundError, type BlobStore } from "./blob-store.js";

/**
 * Blobs as rows of the `blobs` table (migration 014), so every machine sharing the database reads every blob.
 * `put` is one `INSERT … ON CONFLICT DO NOTHING`: workers storing the same bytes at once store them once, and the
 * bytes never cross the network to be compared.
 */
export class DatabaseBlobStore implements BlobStore {
  readonly storage = "database";

  constructor(private readonly db: Kysely<Database>) {}

  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = sha256Hex(bytes);
    await this.db
      .insertInto("blobs")
      .values({
        sha256,
        size: bytes.byteLength,
        bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      })
      .onConflict((oc) => oc.column("sha256").doNothing())
      .execute();
    return sha256;
  }

  async get(sha256: string): Promise<Uint8Array> {
    const row = await this.db
      .selectFrom("blobs")
      .select("bytes")
      .where("sha256", "=", sha256)
      .executeTakeFirst();
    if (!row) throw new BlobNotFoundError(sha256);
    return row.bytes;
  }

  async has(sha256: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("blobs")
      .select("sha256")
      .where("sha256", "=", sha256)
      .executeTakeFirst();
    return row !== undefined;
  }

  describe(sha256: string): string {
    return `the database (blob ${sha256})`;
  }
}
