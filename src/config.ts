import { resolve } from "node:path";
import type { ArchiveStorage } from "./store/index.js";

/** Where `serve` listens by default, and the origin alert links use when nothing else says. */
export const DEFAULT_PUBLIC_URL = "http://127.0.0.1:8080";

/** Runtime configuration, from the environment. */
export interface Config {
  /** Holds the SQLite file, blobs/ and warc/. */
  dataDir: string;
  /** `sqlite:<file>` or `postgres://…`. */
  databaseUrl: string;
  /** Tests serve pages from 127.0.0.1; production refuses private addresses (SSRF). */
  allowPrivateNetwork: boolean;
  /** Public origin of the web app, for links in alerts and feed URLs; null: `serve`'s own address. */
  publicUrl: string | null;
  /** SMTP server of e-mail alerts (`smtp://user:pass@host:587`); null: e-mail alerts wait. */
  smtpUrl: string | null;
  /** Sender address of e-mail alerts. */
  mailFrom: string;
  /** The archive's Ed25519 key (PKCS#8 PEM), created on first use; it signs the checkpoints of the log. */
  signingKeyFile: string;
  /** Seconds between the alert delivery passes of `serve` and `worker`. */
  alertIntervalSeconds: number;
  /** Where snapshot bytes and WARC records go; null: the database on PostgreSQL, files on SQLite. */
  archiveStorage: ArchiveStorage | null;
}

/** Alert delivery passes run at least once a day. */
const MAX_ALERT_INTERVAL_SECONDS = 86_400;

/** `CLAUSEWATCH_ALERT_INTERVAL_SECONDS`: a whole number of seconds, default a minute. */
function alertIntervalSeconds(raw: string | undefined): number {
  if (!raw) return 60;
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || seconds < 1 || seconds > MAX_ALERT_INTERVAL_SECONDS) {
    throw new Error(
      `CLAUSEWATCH_ALERT_INTERVAL_SECONDS=${raw}: a whole number of seconds from 1 to ${MAX_ALERT_INTERVAL_SECONDS}`,
    );
  }
  return seconds;
}

/** `CLAUSEWATCH_ARCHIVE_STORE`: `database` or `files`, unset for the backend's default. */
function archiveStorage(raw: string | undefined): ArchiveStorage | null {
  if (!raw) return null;
  if (raw === "database" || raw === "files") return raw;
  throw new Error(`CLAUSEWATCH_ARCHIVE_STORE=${raw}: "database" or "files"`);
}

/**
 * Reads `CLAUSEWATCH_DATA_DIR`, `DATABASE_URL`, `CLAUSEWATCH_ALLOW_PRIVATE_NETWORK`, `CLAUSEWATCH_PUBLIC_URL`,
 * `CLAUSEWATCH_SMTP_URL`, `CLAUSEWATCH_MAIL_FROM`, `CLAUSEWATCH_SIGNING_KEY_FILE`,
 * `CLAUSEWATCH_ALERT_INTERVAL_SECONDS` and `CLAUSEWATCH_ARCHIVE_STORE`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.CLAUSEWATCH_DATA_DIR || "./data");
  return {
    dataDir,
    databaseUrl: env.DATABASE_URL || `sqlite:${resolve(dataDir, "clausewatch.db")}`,
    allowPrivateNetwork:
      env.CLAUSEWATCH_ALLOW_PRIVATE_NETWORK === "1" || env.CLAUSEWATCH_ALLOW_PRIVATE_NETWORK === "true",
    publicUrl: env.CLAUSEWATCH_PUBLIC_URL || null,
    smtpUrl: env.CLAUSEWATCH_SMTP_URL || null,
    mailFrom: env.CLAUSEWATCH_MAIL_FROM || "ClauseWatch <alerts@localhost>",
    signingKeyFile: resolve(
      env.CLAUSEWATCH_SIGNING_KEY_FILE || resolve(dataDir, "keys", "checkpoint-ed25519.pem"),
    ),
    alertIntervalSeconds: alertIntervalSeconds(env.CLAUSEWATCH_ALERT_INTERVAL_SECONDS?.trim()),
    archiveStorage: archiveStorage(env.CLAUSEWATCH_ARCHIVE_STORE?.trim()),
  };
}
