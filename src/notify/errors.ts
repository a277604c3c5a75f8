/** Failures of alert delivery. Every one leaves the alert pending, to be tried again later. */

/** A channel could not deliver; `message` says why in one line, stored as the alert's last error. */
export class DeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeliveryError";
  }
}

/** A watchlist's target is unusable (malformed, or refused by the network policy). */
export class InvalidTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidTargetError";
  }
}

/** A watchlist's name or filter is unusable; `message` names the field, e.g. "name: contains …". */
export class InvalidWatchlistError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidWatchlistError";
  }
}
