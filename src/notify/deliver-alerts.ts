/**
 * Sends what is due: same-day alerts one by one, weekly digests once a week per watchlist. An alert stays
 * pending until its channel accepted it; after a failure it is tried again later, with a growing delay, for as
 * long as it takes. Alerts are leased before sending, so several workers never send the same one at once.
 */
import type { Alert, AlertChannel, Watchlist } from "../model/index.js";
import type { Store } from "../store/index.js";
import { crashPoint } from "../util/crash-point.js";
import { loadAlertItems } from "./alert-message.js";
import type { AlertSender } from "./alert-sender.js";
import { DeliveryError } from "./errors.js";

/** Settings of {@link deliverAlerts}. */
export interface DeliveryOptions {
  /** Push channels that are configured; alerts of the others wait (and say why). */
  senders: Partial<Record<Exclude<AlertChannel, "atom">, AlertSender>>;
  /** Public address of the web app, for links in alerts. */
  baseUrl: string;
  now?: Date;
  /** How long a worker holds the alerts it sends. */
  leaseMs?: number;
  /** Alerts sent per watchlist per pass. */
  batch?: number;
}

/** What a pass did. */
export interface DeliveryReport {
  delivered: number;
  failed: number;
  digests: number;
}

const WEEK_MS = 7 * 24 * 3600_000;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 3600_000;

/** Delay before the next try after `attempts` failures: doubling from a minute, capped at six hours. */
export function alertRetryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** Whether a weekly watchlist's digest is due at `now`. */
export function digestDue(watchlist: Watchlist, now: Date): boolean {
  return now.getTime() - Date.parse(watchlist.lastDigestAt ?? watchlist.createdAt) >= WEEK_MS;
}

/** One pass over every push watchlist. */
export async function deliverAlerts(store: Store, options: DeliveryOptions): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();
  const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? 5 * 60_000)).toISOString();
  const report: DeliveryReport = { delivered: 0, failed: 0, digests: 0 };

  /** Sends `alerts` as one message; marks them delivered, or failed with a later retry. */
  async function send(watchlist: Watchlist, alerts: Alert[]): Promise<boolean> {
    const sender = watchlist.channel === "atom" ? undefined : options.senders[watchlist.channel];
    try {
      if (!sender) throw new DeliveryError(`no ${watchlist.channel} channel is configured on this server`);
      await sender.send(watchlist, await loadAlertItems(store.backend, alerts, options.baseUrl));
      // A crash here sends the alert again once its lease ends: receivers dedupe on the delivery ids.
      crashPoint("alert-sent");
      await store.alerts.markDelivered(
        alerts.map((a) => a.id),
        new Date().toISOString(),
      );
      report.delivered += alerts.length;
      return true;
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      const attempts = Math.max(...alerts.map((a) => a.attempts)) + 1;
      const next = new Date(now.getTime() + alertRetryDelayMs(attempts)).toISOString();
      await store.alerts.markFailed(
        alerts.map((a) => a.id),
        error.message,
        next,
      );
      report.failed += alerts.length;
      return false;
    }
  }

  for (const watchlist of await store.watchlists.list()) {
    if (watchlist.channel === "atom") continue;
    if (watchlist.cadence === "immediate") {
      for (const alert of await store.alerts.lease([watchlist.id], nowIso, leaseUntil, options.batch ?? 50))
        await send(watchlist, [alert]);
      continue;
    }
    if (!digestDue(watchlist, now)) continue;
    const pending = await store.alerts.lease([watchlist.id], nowIso, leaseUntil, 1000);
    // An empty week sends nothing; a failed digest is retried at the next pass after its backoff.
    if (pending.length === 0 || (await send(watchlist, pending))) {
      await store.watchlists.setLastDigest(watchlist.id, nowIso);
      if (pending.length > 0) report.digests++;
    }
  }
  return report;
}
