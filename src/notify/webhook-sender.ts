/**
 * Webhooks: a POST of the alert's JSON, signed with HMAC-SHA256 under the watchlist's secret so the receiver
 * can check it came from us. The target goes through the same SSRF guard as page fetches: an alert cannot
 * be aimed at the machine's own network unless private networks are allowed.
 */
import { createHmac } from "node:crypto";
import type { Agent } from "undici";
import { FetchDocumentError } from "../archive/fetch/errors.js";
import { createGuardedAgent } from "../archive/fetch/guarded-agent.js";
import { exchange } from "../archive/fetch/http-request.js";
import { createNetworkPolicy, type NetworkPolicy } from "../archive/fetch/network-policy.js";
import type { Watchlist } from "../model/index.js";
import { type AlertItem, webhookPayload } from "./alert-message.js";
import type { AlertSender } from "./alert-sender.js";
import { DeliveryError } from "./errors.js";

/** The signature header's value for `body`: `sha256=<hex HMAC>`. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Sends alerts to webhook URLs. */
export class WebhookSender implements AlertSender {
  private readonly policy: NetworkPolicy;
  private readonly agent: Agent;

  constructor(
    options: { allowPrivateNetwork: boolean },
    private readonly timeoutMs = 10_000,
  ) {
    this.policy = createNetworkPolicy({ allowPrivateNetwork: options.allowPrivateNetwork });
    this.agent = createGuardedAgent(this.policy, timeoutMs);
  }

  async send(watchlist: Watchlist, items: readonly AlertItem[]): Promise<void> {
    const body = webhookPayload(watchlist, items);
    let status: number;
    try {
      ({ status } = await exchange(new URL(watchlist.target ?? ""), {
        dispatcher: this.agent,
        policy: this.policy,
        timeoutMs: this.timeoutMs,
        maxBytes: 64 * 1024,
        method: "POST",
        body: new TextEncoder().encode(body),
        headers: {
          "content-type": "application/json",
          "user-agent": "ClauseWatch-Alerts/1",
          "x-clausewatch-signature": webhookSignature(watchlist.secret, body),
          "x-clausewatch-deliveries": items.map((i) => i.deliveryId).join(","),
        },
        readBody: () => false,
      }));
    } catch (error) {
      if (error instanceof FetchDocumentError || error instanceof TypeError)
        throw new DeliveryError(error.message);
      throw error;
    }
    if (status < 200 || status >= 300) throw new DeliveryError(`the webhook answered HTTP ${status}`);
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
