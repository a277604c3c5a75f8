/** Content negotiation for listings: JSON by default, CSV on `?format=csv` or `Accept: text/csv`. */
import type { Context } from "hono";
import { type CsvColumn, toCsv } from "./csv.js";

/** True when the client asked for CSV. */
export function wantsCsv(c: Context, format: string | undefined): boolean {
  if (format !== undefined) return format === "csv";
  const accept = c.req.header("accept") ?? "";
  return /\btext\/csv\b/i.test(accept) && !/\bapplication\/json\b/i.test(accept);
}

/** A CSV response; the next page (if any) is announced in a Link header, as CSV has no room for it. */
export function csvResponse<T>(
  c: Context,
  name: string,
  columns: readonly CsvColumn<T>[],
  rows: readonly T[],
  next?: string | null,
): Response {
  const headers: Record<string, string> = {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `inline; filename="${name}.csv"`,
  };
  if (next) headers.link = `<${next}>; rel="next"`;
  return c.body(toCsv(columns, rows), 200, headers);
}

/** The URL of the same request with some query parameters replaced (for `next` links). */
export function nextUrl(c: Context, changes: Record<string, string | null>): string {
  const url = new URL(c.req.url);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  return `${url.pathname}${url.search}`;
}

/** Joins string arrays into one CSV cell. */
export function joinList(values: readonly string[]): string {
  return values.join("; ");
}

/** One page of a cursor listing, with the cursor and URL of the next page (null on the last page). */
export interface CursorPage<T> {
  page: T[];
  nextCursor: string | null;
  next: string | null;
}

/**
 * Cuts a listing fetched with `limit + 1` rows into its page: the extra row only tells that a next page
 * exists, whose cursor is the key of the page's last row.
 */
export function cursorPage<R, T>(
  c: Context,
  rows: readonly R[],
  limit: number,
  toDto: (row: R) => T,
  cursorOf: (row: R) => string,
): CursorPage<T> {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  const nextCursor = rows.length > limit && last !== undefined ? cursorOf(last) : null;
  return {
    page: kept.map(toDto),
    nextCursor,
    next: nextCursor ? nextUrl(c, { cursor: nextCursor }) : null,
  };
}
