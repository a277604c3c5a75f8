/** The notify stage: watchlists' alerts, written with each change record and sent by webhook, e-mail or Atom. */

export { configuredSenders, startAlertLoop } from "./alert-loop.js";
export {
  type AlertItem,
  changeEntryOf,
  emailMessage,
  loadAlertItems,
  webhookPayload,
} from "./alert-message.js";
export type { AlertSender } from "./alert-sender.js";
export { type FeedEntry, renderAtomFeed, watchlistFeedUrl } from "./atom-feed.js";
export {
  type CreateWatchlistOptions,
  checkTarget,
  createWatchlist,
  type WatchlistInput,
} from "./create-watchlist.js";
export { type DeliveryOptions, type DeliveryReport, deliverAlerts, digestDue } from "./deliver-alerts.js";
export { EmailSender } from "./email-sender.js";
export { enqueueAlerts } from "./enqueue-alerts.js";
export { DeliveryError, InvalidTargetError, InvalidWatchlistError } from "./errors.js";
export { type ChangeFacts, DEFAULT_WATCH_FILTER, matchesWatch } from "./match-watch.js";
export { WebhookSender, webhookSignature } from "./webhook-sender.js";
