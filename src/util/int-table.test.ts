import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { IntTable } from "./int-table.js";

describe("IntTable", () => {
  it("finds every stored key, including colliding and large ones, and misses the others", () => {
    const entries: [number, number][] = [];
    for (let i = 0; i < 5000; i++) entries.push([i * 1024, i]); // same low bits: many collisions
    entries.push([2 ** 40 + 7, 99_999]);
    const table = new IntTable(entries, entries.length);
    for (const [k, v] of entries) assert.equal(table.get(k), v);
    assert.equal(table.get(3), -1);
    assert.equal(table.get(2 ** 40 + 8), -1);
  });
});
