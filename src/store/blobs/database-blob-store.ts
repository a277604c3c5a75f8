import { type Kysely, sql } from "kysely";
import { sha256Hex } from "../../util/hash.js";
import type { Database } from "../schema.js";
import { BlobNotFoundError, type BlobStore } from "./blob-store.js";

/** Bytes read per query when a blob is streamed. */
const STREAM_SLICE = 1 << 20;

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

  /**
   * Streams the bytes a slice at a time (`substr` counts bytes of a bytea or blob, from 1), so a large snapshot
   * never sits whole in memory.
   */
  async open(sha256: string): Promise<{ size: number; stream: ReadableStream<Uint8Array> }> {
    const row = await this.db
      .selectFrom("blobs")
      .select("size")
      .where("sha256", "=", sha256)
      .executeTakeFirst();
    if (!row) throw new BlobNotFoundError(sha256);
    const size = Number(row.size);
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        if (offset >= size) return controller.close();
        const slice = await this.db
          .selectFrom("blobs")
          .select(sql<Uint8Array>`substr(bytes, ${offset + 1}, ${STREAM_SLICE})`.as("part"))
          .where("sha256", "=", sha256)
          .executeTakeFirstOrThrow();
        offset += slice.part.byteLength;
        controller.enqueue(slice.part);
        if (slice.part.byteLength === 0) controller.close();
      },
    });
    return { size, stream };
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
