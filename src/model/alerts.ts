import type { Severity } from "./analysis.js";
import type { ChangeKind } from "./changes.js";

/** How a watchlist's alerts reach its owner. Atom feeds are pulled; webhooks and e-mail are pushed. */
export type AlertChannel = "webhook" | "email" | "atom";

/** Same-day alerts, one per change; or one digest a week of everything that matched. */
export type AlertCadence = "immediate" | "weekly";

/** Which change records a watchlist wants. An empty list means "any". */
export interface WatchFilter {
  /** Platform slugs. */
  platforms: string[];
  /** Terms types ("Privacy Policy"…). */
  termsTypes: string[];
  /** Clause type ids one of which a provision change must involve. */
  clauseTypes: string[];
  /** Kinds that alert; minor and technical changes alert only when asked for. */
  kinds: ChangeKind[];
  /** Lowest severity that alerts. */
  minSeverity: Severity;
}

/** A watchlist: a filter over change records and the channel its alerts go to. */
export interface Watchlist {
  id: number;
  name: string;
  channel: AlertChannel;
  /** Webhook URL or e-mail address; null for Atom feeds. */
  target: string | null;
  cadence: AlertCadence;
  filter: WatchFilter;
  /**
   * Random secret: the HMAC key of webhook signatures, and the capability in the private Atom feed URL.
   * Shown once, when the watchlist is created.
   */
  secret: string;
  createdAt: string;
  /** When the last weekly digest went out. */
  lastDigestAt: string | null;
  /** The API key that created it, which alone may see or delete it over the API; null when made from the CLI. */
  ownerKeyId: number | null;
}

/** Whether an alert still has to be sent. */
export type AlertStatus = "pending" | "delivered";

/** One change record matched by one watchlist: the unit of delivery, stored before it is sent. */
export interface Alert {
  id: number;
  watchlistId: number;
  changeRecordId: number;
  status: AlertStatus;
  attempts: number;
  /** Not before this time (backoff after a failed attempt). */
  nextAttemptAt: string;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}
