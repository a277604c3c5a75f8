import assert from "node:assert/strict";
import { describe, it } from "node:test";
import SQLite from "better-sqlite3";
import { withStatementCache } from "./statement-cache.js";

describe("withStatementCache", () => {
  it("reuses a prepared statement per SQL text and drops the least recently used beyond capacity", () => {
    const connection = new SQLite(":memory:");
    let prepared = 0;
    const prepare = connection.prepare.bind(connection);
    connection.prepare = ((sql: string) => {
      prepared++;
      return prepare(sql);
    }) as typeof connection.prepare;
    const db = withStatementCache(connection, 2);
    const a = db.prepare("select 1 as n");
    assert.equal(db.prepare("select 1 as n"), a, "same text, same statement");
    db.prepare("select 2 as n");
    db.prepare("select 1 as n"); // touches the first: the second is now the oldest
    db.prepare("select 3 as n"); // evicts "select 2"
    assert.equal(prepared, 3);
    assert.equal(db.prepare("select 1 as n"), a, "recently used, still cached");
    db.prepare("select 2 as n");
    assert.equal(prepared, 4, "the evicted statement is prepared again");
    assert.deepEqual(a.all([]), [{ n: 1 }]);
    db.close();
    assert.equal(connection.open, false);
  });
});
