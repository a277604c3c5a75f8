/**
 * Ids are `integer` columns: PostgreSQL refuses (with an error, not "no row") a value past 2^31 - 1, while
 * SQLite would just find nothing. Ids and cursors are checked against this range before any query, so both
 * backends answer the same way.
 */

/** Largest value of a PostgreSQL `integer` column. */
export const MAX_ROW_ID = 2_147_483_647;

/** Whether `n` is a possible row id: a whole number from 1 to {@link MAX_ROW_ID}. */
export function isRowId(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= MAX_ROW_ID;
}
