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
  /** Human-readable location (file path or server/database), for messages. */
  readonly location: string;
  close(): Promise<void>;
}
