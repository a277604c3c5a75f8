import type { Kysely, Selectable } from "kysely";
import type { AlertCadence, AlertChannel, WatchFilter, Watchlist } from "../../model/index.js";
import type { Database, WatchlistTable } from "../schema.js";

function toWatchlist(row: Selectable<WatchlistTable>): Watchlist {
  return {
    id: row.id,
    name: row.name,
    channel: row.channel as AlertChannel,
    target: row.target,
    cadence: row.cadence as AlertCadence,
    filter: JSON.parse(row.filter) as WatchFilter,
    secret: row.secret,
    createdAt: row.created_at,
    lastDigestAt: row.last_digest_at,
    ownerKeyId: row.owner_key_id,
  };
}

/** Watchlists: what to watch and where its alerts go. */
export class WatchlistRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(w: Omit<Watchlist, "id" | "lastDigestAt">): Promise<Watchlist> {
    const row = await this.db
      .insertInto("watchlists")
      .values({
        name: w.name,
        channel: w.channel,
        target: w.target,
        cadence: w.cadence,
        filter: JSON.stringify(w.filter),
        secret: w.secret,
        created_at: w.createdAt,
        last_digest_at: null,
        owner_key_id: w.ownerKeyId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toWatchlist(row);
  }

  /** Every watchlist, or with `ownerKeyId` only those that API key created. */
  async list(ownerKeyId?: number): Promise<Watchlist[]> {
    let query = this.db.selectFrom("watchlists").selectAll().orderBy("id");
    if (ownerKeyId !== undefined) query = query.where("owner_key_id", "=", ownerKeyId);
    return (await query.execute()).map(toWatchlist);
  }

  /** The watchlist, or with `ownerKeyId` only if that API key created it. */
  async get(id: number, ownerKeyId?: number): Promise<Watchlist | undefined> {
    let query = this.db.selectFrom("watchlists").selectAll().where("id", "=", id);
    if (ownerKeyId !== undefined) query = query.where("owner_key_id", "=", ownerKeyId);
    const row = await query.executeTakeFirst();
    return row ? toWatchlist(row) : undefined;
  }

  /** The watchlist whose private feed URL carries this secret. */
  async findBySecret(secret: string): Promise<Watchlist | undefined> {
    const row = await this.db
      .selectFrom("watchlists")
      .selectAll()
      .where("secret", "=", secret)
      .executeTakeFirst();
    return row ? toWatchlist(row) : undefined;
  }

  /**
   * Deletes a watchlist and its alerts; false when there was none. With `ownerKeyId`, only if that API key
   * created it: the ownership check and the delete are one statement, so nothing can slip between them.
   */
  async remove(id: number, ownerKeyId?: number): Promise<boolean> {
    let query = this.db.deleteFrom("watchlists").where("id", "=", id);
    if (ownerKeyId !== undefined) query = query.where("owner_key_id", "=", ownerKeyId);
    const result = await query.executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async setLastDigest(id: number, at: string): Promise<void> {
    await this.db.updateTable("watchlists").set({ last_digest_at: at }).where("id", "=", id).execute();
  }
}
