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
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toWatchlist(row);
  }

  async list(): Promise<Watchlist[]> {
    return (await this.db.selectFrom("watchlists").selectAll().orderBy("id").execute()).map(toWatchlist);
  }

  async get(id: number): Promise<Watchlist | undefined> {
    const row = await this.db.selectFrom("watchlists").selectAll().where("id", "=", id).executeTakeFirst();
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

  /** Deletes a watchlist and its alerts; false when there was none. */
  async remove(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom("watchlists").where("id", "=", id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async setLastDigest(id: number, at: string): Promise<void> {
    await this.db.updateTable("watchlists").set({ last_digest_at: at }).where("id", "=", id).execute();
  }
}
