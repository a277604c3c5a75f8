import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { StoreBackend } from "../backend.js";
import type { Database } from "../schema.js";
import { withStatementCache } from "./statement-cache.js";

/** Opens (creating if needed) the embedded SQLite database file. */
export function openSqliteBackend(file: string): StoreBackend {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const connection = new SQLite(file);
  // WAL lets readers (the web server) run while a capture writes; NORMAL sync is durable in WAL mode
  // up to the last checkpoint, which is the trade-off SQLite documents for this mode.
  connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = NORMAL");
  connection.pragma("foreign_keys = ON");
  connection.pragma("busy_timeout = 10000");
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(connection) }),
  });
  return {
    dialect: "sqlite",
    db,
    bytesDb: db,
    location: file,
    // Kysely runs SQLite transactions one at a time on the single connection: nothing more to lock.
    lockChain: async () => {},
    migrate: (run) => run(db),
    close: () => db.destroy(),
  };
}
