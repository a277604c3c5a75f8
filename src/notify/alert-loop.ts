/** Sends due alerts every minute in a long-running process (`serve`, `worker`). */
import type { Config } from "../config.js";
import type { Store } from "../store/index.js";
import { runPeriodically } from "../util/periodic.js";
import type { AlertSender } from "./alert-sender.js";
import { type DeliveryOptions, type DeliveryReport, deliverAlerts } from "./deliver-alerts.js";
import { EmailSender } from "./email-sender.js";
import { WebhookSender } from "./webhook-sender.js";

/** The push channels the configuration allows, and how to release them. */
export function configuredSenders(config: Config): {
  senders: DeliveryOptions["senders"];
  close(): Promise<void>;
} {
  const webhook = new WebhookSender({ allowPrivateNetwork: config.allowPrivateNetwork });
  const email = config.smtpUrl ? new EmailSender(config.smtpUrl, config.mailFrom) : undefined;
  const all: AlertSender[] = email ? [webhook, email] : [webhook];
  return {
    senders: email ? { webhook, email } : { webhook },
    close: async () => {
      await Promise.all(all.map((s) => s.close()));
    },
  };
}

/**
 * Delivers now, then every `intervalMs`, one pass at a time; `stop()` waits for a running pass. `baseUrl` is the
 * web app's public origin, for links in alerts.
 */
export function startAlertLoop(
  store: Store,
  config: Config,
  baseUrl: string,
  options: {
    intervalMs?: number;
    onPass?: (report: DeliveryReport) => void;
    onError?: (error: unknown) => void;
  } = {},
): { stop(): Promise<void> } {
  const { senders, close } = configuredSenders(config);
  const loop = runPeriodically(
    async () => {
      const report = await deliverAlerts(store, { senders, baseUrl });
      options.onPass?.(report);
    },
    options.intervalMs ?? 60_000,
    options.onError,
  );
  return {
    async stop() {
      await loop.stop();
      await close();
    },
  };
}
