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
