import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/**
 * The full-text index of current provisions, per backend (migration 004): what differs is how a version's
 * provisions enter and leave it. Both calls run inside the caller's transaction.
 */
export interface CurrentProvisionIndex {
  /** Indexes the provisions of a version (stored already). */
  add(db: Kysely<Database>, versionId: number): Promise<void>;
  /** Takes them out again; must run while the provision rows still exist. */
  remove(db: Kysely<Database>, versionId: number): Promise<void>;
  /** Rewrites the full-text indexes compactly after bulk writes, so searches read fewer index segments. */
  compact(db: Kysely<Database>): Promise<void>;
}
