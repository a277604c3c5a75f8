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
