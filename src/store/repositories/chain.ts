import type { Kysely, Selectable } from "kysely";
import { chainEntryHash, GENESIS_HASH } from "../../archive/chain/index.js";
import type { ChainEntry, ChainRecordKind } from "../../model/index.js";
import type { ChainEntryTable, Database } from "../schema.js";
import { countRows } from "./count-rows.js";

function toEntry(row: Selectable<ChainEntryTable>): ChainEntry {
  return {
    seq: row.seq,
    kind: row.kind as ChainRecordKind,
    recordId: row.record_id,
    recordHash: row.record_hash,
    prevHash: row.prev_hash,
    entryHash: row.entry_hash,
    createdAt: row.created_at,
  };
}

/** The append-only hash chain. Appends must run inside a transaction holding the chain lock. */
export class ChainRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async head(): Promise<ChainEntry | undefined> {
    const row = await this.db
      .selectFrom("chain_entries")
      .selectAll()
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst();
    return row ? toEntry(row) : undefined;
  }

  async append(kind: ChainRecordKind, recordId: number, recordHash: string): Promise<ChainEntry> {
    const head = await this.head();
    const draft = {
      seq: (head?.seq ?? 0) + 1,
      kind,
      recordId,
      recordHash,
      prevHash: head?.entryHash ?? GENESIS_HASH,
      createdAt: new Date().toISOString(),
    };
    const entry: ChainEntry = { ...draft, entryHash: chainEntryHash(draft) };
    await this.db
      .insertInto("chain_entries")
      .values({
        seq: entry.seq,
        kind: entry.kind,
        record_id: entry.recordId,
        record_hash: entry.recordHash,
        prev_hash: entry.prevHash,
        entry_hash: entry.entryHash,
        created_at: entry.createdAt,
      })
      .execute();
    return entry;
  }

  async findFor(kind: ChainRecordKind, recordId: number): Promise<ChainEntry | undefined> {
    const row = await this.db
      .selectFrom("chain_entries")
      .selectAll()
      .where("kind", "=", kind)
      .where("record_id", "=", recordId)
      .executeTakeFirst();
    return row ? toEntry(row) : undefined;
  }

  /** Entries in order, a page at a time, so verifying a large archive holds little in memory. */
  async *iterate(pageSize = 1000): AsyncGenerator<ChainEntry> {
    let after = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom("chain_entries")
        .selectAll()
        .where("seq", ">", after)
        .orderBy("seq")
        .limit(pageSize)
        .execute();
      for (const row of rows) yield toEntry(row);
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.seq;
    }
  }

  /**
   * Ids of the stored records of `kind` that no chain entry covers (for analyses and change records: their seals).
   * Compared by id, not by count, so a missing entry is named even when another record is missing too.
   */
  async uncovered(kind: ChainRecordKind): Promise<number[]> {
    const covered = this.db.selectFrom("chain_entries").select("record_id").where("kind", "=", kind);
    const rows =
      kind === "analysis" || kind === "change-record"
        ? await this.db
            .selectFrom("chain_seals")
            .select("id")
            .where("kind", "=", kind)
            .where("id", "not in", covered)
            .orderBy("id")
            .execute()
        : await this.db
            .selectFrom(kind === "snapshot" ? "snapshots" : kind === "version" ? "versions" : "verifications")
            .select("id")
            .where("id", "not in", covered)
            .orderBy("id")
            .execute();
    return rows.map((r) => r.id);
  }

  count(): Promise<number> {
    return countRows(this.db, "chain_entries");
  }
}
