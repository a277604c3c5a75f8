/** Cursor and page pagination shared by every listing. */
import { isRowId } from "../row-id.js";

/** A page of a listing: the rows and the cursor of the next page (null on the last page). */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** A numbered page of a ranked listing (search) with the total. */
export interface NumberedPage<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** A cursor that could not be decoded: the caller answers 400. */
export class InvalidCursorError extends Error {
  constructor(cursor: string) {
    super(`invalid cursor: ${cursor.slice(0, 60)}`);
    this.name = "InvalidCursorError";
  }
}

/** Opaque cursor over a (text, id) sort key, e.g. (recorded_at, id). */
export interface SortKey {
  at: string;
  id: number;
}

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify([key.at, key.id]), "utf8").toString("base64url");
}

/** What a sort key's time looks like (an ISO 8601 timestamp): anything else never reaches SQL. */
const TIMESTAMP = /^[0-9][0-9T:.+Z-]{0,39}$/;

/** The sort key of a cursor; throws `InvalidCursorError` for anything that is not one this side made. */
export function decodeCursor(cursor: string): SortKey {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      typeof value[0] === "string" &&
      TIMESTAMP.test(value[0]) &&
      isRowId(value[1])
    ) {
      return { at: value[0], id: value[1] as number };
    }
  } catch {
    // fall through: any undecodable cursor is the same client error
  }
  throw new InvalidCursorError(cursor);
}

/** Fetch one row more than the page size, then split: the extra row proves a next page exists. */
export function splitPage<T>(rows: T[], limit: number, keyOf: (row: T) => SortKey): CursorPage<T> {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: last ? encodeCursor(keyOf(last)) : null };
}
