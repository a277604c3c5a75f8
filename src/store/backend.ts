import type { Kysely, Transaction } from "kysely";
import type { DialectName } from "./migrations/migration.js";
import type { Database } from "./schema.js";

/**
 * What differs between the two storage engines. Everything else (queries, migrations) is
 * shared SQL built by Kysely, so both backends run the same code and the same tests.
 */
export interface StoreBackend {
  readonly dialect: DialectName;
  readonly db: Kysely<Database>;
  /**
   * Writes of archive bytes (blobs, WARC records) that are stored before the transaction that references them.
   * On PostgreSQL its sessions commit without waiting for the WAL flush (`synchronous_commit = off`): the later
   * transaction's own commit flushes the WAL up to it, so bytes are durable before anything points at them, and
   * bytes a crash loses were referenced by nothing. SQLite: the same as `db`.
   */
  readonly bytesDb: Kysely<Database>;
  /** Serialises appends to the hash chain for the rest of the transaction, across processes. */
  lockChain(trx: Transaction<Database>): Promise<void>;
  /**
   * Runs the schema migration. PostgreSQL runs it on one connection holding a shared lock that
   * `dropPostgresSchema` takes exclusively: Kysely's migrator introspects every schema of the
   * database, and a schema dropped meanwhile by another process makes that introspection fail.
   */
  migrate(run: (db: Kysely<Database>) => Promise<void>): Promise<void>;
  /** Human-readable location (file path or server/database), for messages. */
  readonly location: string;
  close(): Promise<void>;
}
