import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** WARC records kept in the database (migration 014): each row is one gzip member, as in a `.warc.gz` file. */
export class WarcRecordRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores one gzip-compressed record and returns its id. */
  async insert(capturedAt: string, gzip: Uint8Array): Promise<number> {
    const row = await this.db
      .insertInto("warc_records")
      .values({ captured_at: capturedAt, gzip: Buffer.from(gzip.buffer, gzip.byteOffset, gzip.byteLength) })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** The gzip members of the records with these ids (absent ids are left out). */
  async get(ids: readonly number[]): Promise<Map<number, Uint8Array>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom("warc_records")
      .select(["id", "gzip"])
      .where("id", "in", ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r.gzip]));
  }
}
