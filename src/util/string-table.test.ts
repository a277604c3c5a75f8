import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { StringTable } from "./string-table.js";

describe("StringTable", () => {
  it("finds every stored key by its span of a text, and misses prefixes, extensions and other words", () => {
    const keys = ["we", "sell", "selling", "data", "", "é", "don't", "<year>"];
    for (let i = 0; i < 3000; i++) keys.push(`#${i.toString(36)}`);
    const table = new StringTable(keys.map((k, i) => [k, i + 1]));
    const text = ` ${keys.join(" ")} `;
    let at = 1;
    keys.forEach((k, i) => {
      assert.equal(table.get(text, at, at + k.length, 0), i + 1, k);
      at += k.length + 1;
    });
    assert.equal(table.get("we sell", 0, 7, -1), -1);
    assert.equal(table.get("sel", 0, 3, 0), 0);
    assert.equal(table.get("sellings", 0, 8, 0), 0);
    assert.equal(table.get("We", 0, 2, 0), 0);
  });
});
