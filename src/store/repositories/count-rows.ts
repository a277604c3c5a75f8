import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** Number of rows in a table (both backends return the count as a string or a number; this is a number). */
export async function countRows(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
