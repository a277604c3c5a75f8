import type { Kysely, Selectable } from "kysely";
import type { Alert, AlertStatus } from "../../model/index.js";
import type { AlertTable, Database } from "../schema.js";

function toAlert(row: Selectable<AlertTable>): Alert {
  return {
    id: row.id,
    watchlistId: row.watchlist_id,
    changeRecordId: row.change_record_id,
    status: row.status as AlertStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
  };
}

/** Delivery state of one watchlist's alerts. */
export interface AlertCounts {
  pending: number;
  delivered: number;
  /** Pending alerts that failed at least once. */
  failing: number;
  lastError: string | null;
}

/**
 * The alert outbox: one row per change record per watchlist, written with the record, marked delivered
 * once sent. Workers lease the rows they send, so several processes can share the work.
 */
export class AlertRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds an alert unless this watchlist already has one for this record; true when added. */
  async enqueue(
    watchlistId: number,
    changeRecordId: number,
    status: AlertStatus,
    now: string,
  ): Promise<boolean> {
    const row = await this.db
      .insertInto("alerts")
      .values({
        watchlist_id: watchlistId,
        change_record_id: changeRecordId,
        status,
        next_attempt_at: now,
        delivered_at: status === "delivered" ? now : null,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(["watchlist_id", "change_record_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Leases up to `limit` pending alerts of `watchlistIds` that are due, until `leaseUntil`. A row is taken by
   * one worker only: the lease is set by a conditional update that a concurrent worker's update cannot pass.
   */
  async lease(watchlistIds: number[], now: string, leaseUntil: string, limit: number): Promise<Alert[]> {
    if (watchlistIds.length === 0) return [];
    const due = await this.db
      .selectFrom("alerts")
      .select("id")
      .where("status", "=", "pending")
      .where("watchlist_id", "in", watchlistIds)
      .where("next_attempt_at", "<=", now)
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
      .orderBy("id")
      .limit(limit)
      .execute();
    const leased: Alert[] = [];
    for (const { id } of due) {
      const row = await this.db
        .updateTable("alerts")
        .set({ lease_until: leaseUntil })
        .where("id", "=", id)
        .where("status", "=", "pending")
        .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
        .returningAll()
        .executeTakeFirst();
      if (row) leased.push(toAlert(row));
    }
    return leased;
  }

  /** Records the attempt that delivered the alerts: `attempts` counts every send, the successful one too. */
  async markDelivered(ids: number[], at: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable("alerts")
      .set((eb) => ({
        status: "delivered",
        delivered_at: at,
        lease_until: null,
        last_error: null,
        attempts: eb("attempts", "+", 1),
      }))
      .where("id", "in", ids)
      .execute();
  }

  /** Records a failed attempt; the alerts stay pending and are tried again from `nextAttemptAt`. */
  async markFailed(ids: number[], error: string, nextAttemptAt: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable("alerts")
      .set((eb) => ({
        attempts: eb("attempts", "+", 1),
        last_error: error,
        next_attempt_at: nextAttemptAt,
        lease_until: null,
      }))
      .where("id", "in", ids)
      .execute();
  }

  /** A watchlist's alerts, newest first. */
  async listByWatchlist(watchlistId: number, limit: number): Promise<Alert[]> {
    const rows = await this.db
      .selectFrom("alerts")
      .selectAll()
      .where("watchlist_id", "=", watchlistId)
      .orderBy("change_record_id", "desc")
      .limit(limit)
      .execute();
    return rows.map(toAlert);
  }

  async counts(watchlistId: number): Promise<AlertCounts> {
    const rows = await this.db
      .selectFrom("alerts")
      .select(["status", "attempts", "last_error", "id"])
      .where("watchlist_id", "=", watchlistId)
      .orderBy("id")
      .execute();
    const pending = rows.filter((r) => r.status === "pending");
    const failing = pending.filter((r) => r.attempts > 0);
    return {
      pending: pending.length,
      delivered: rows.length - pending.length,
      failing: failing.length,
      lastError: failing.at(-1)?.last_error ?? null,
    };
  }
}
