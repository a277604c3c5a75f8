/** E-mail alerts through an SMTP server (`CLAUSEWATCH_SMTP_URL`), in plain text. */
import nodemailer, { type Transporter } from "nodemailer";
import type { Watchlist } from "../model/index.js";
import { type AlertItem, emailMessage } from "./alert-message.js";
import type { AlertSender } from "./alert-sender.js";
import { DeliveryError } from "./errors.js";

/** Sends alerts by e-mail. */
export class EmailSender implements AlertSender {
  private readonly transport: Transporter;

  /** `smtpUrl`: e.g. `smtp://user:pass@mail.example.org:587`; `from`: the sender address. */
  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(watchlist: Watchlist, items: readonly AlertItem[]): Promise<void> {
    const { subject, text } = emailMessage(watchlist, items);
    try {
      await this.transport.sendMail({ from: this.from, to: watchlist.target ?? "", subject, text });
    } catch (error) {
      throw new DeliveryError(`SMTP: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
