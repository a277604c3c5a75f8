import type { Database as SqliteConnection, Statement } from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/** Most prepared statements kept; IN lists of every length make distinct SQL, so the cache must be bounded. */
const DEFAULT_CAPACITY = 256;

/**
 * The connection as Kysely sees it, with prepared statements reused by SQL text. Kysely prepares every query
 * it runs; a web page runs the same dozen queries on every request, and preparing them again was a tenth of
 * the page's CPU time. Least recently used statements are dropped first. Safe because Kysely runs one query
 * at a time on the connection, so a cached statement is never reused while it is still being iterated.
 */
export function withStatementCache(
  connection: SqliteConnection,
  capacity = DEFAULT_CAPACITY,
): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => {
      statements.clear();
      connection.close();
    },
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (statement) {
        // Re-inserting moves the entry to the end: the Map's order is the recency order.
        statements.delete(sql);
      } else {
        statement = connection.prepare(sql);
        if (statements.size >= capacity) statements.delete(statements.keys().next().value as string);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
