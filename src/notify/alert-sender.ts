import type { Watchlist } from "../model/index.js";
import type { AlertItem } from "./alert-message.js";

/** A push channel. `send` resolves once the receiver accepted the alerts, or throws `DeliveryError`. */
export interface AlertSender {
  send(watchlist: Watchlist, items: readonly AlertItem[]): Promise<void>;
  close(): Promise<void>;
}
