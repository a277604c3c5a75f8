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
 *
 * Give it the backend's `bytesDb`: the row is then committed without waiting for the WAL flush, and the commit of
 * the transaction that references it (snapshot, version) flushes the WAL past it, so a crash loses only blobs
 * nothing points at yet (see `StoreBackend.bytesDb`).
 */
export class DatabaseBlobStore implements BlobStore {
  readonly storage = "database";

  /**
   * @param previous where blobs written before the archive moved into the database are (the data directory's
   *   file store of an archive upgraded from files): read when the table lacks a blob, never written.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly previous?: BlobStore,
  ) {}

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
    if (row) return row.bytes;
    if (this.previous) return this.previous.get(sha256);
    throw new BlobNotFoundError(sha256);
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
    if (!row) {
      if (this.previous) return this.previous.open(sha256);
      throw new BlobNotFoundError(sha256);
    }
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
    if (row) return true;
    return this.previous ? this.previous.has(sha256) : false;
  }

  describe(sha256: string): string {
    return `the database (blob ${sha256})`;
  }
}
