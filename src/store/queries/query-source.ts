import type { Kysely } from "kysely";
import type { DialectName } from "../migrations/migration.js";
import type { Database } from "../schema.js";

/** What read queries need: the connection and which SQL engine it speaks (for full-text search). */
export interface QuerySource {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
}
