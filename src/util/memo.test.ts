import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { forgetRemembered, memoize } from "./memo.js";

describe("memoize", () => {
  it("computes each key once while it is remembered, and stays bounded", () => {
    const calls: string[] = [];
    const length = memoize((s: string) => {
      calls.push(s);
      return s.length;
    }, 2);
    assert.equal(length("ab"), 2);
    assert.equal(length("ab"), 2);
    assert.equal(length("abc"), 3);
    assert.deepEqual(calls, ["ab", "abc"]);
    // Full: the third key starts afresh.
    assert.equal(length("x"), 1);
    assert.equal(length("ab"), 2);
    assert.deepEqual(calls, ["ab", "abc", "x", "ab"]);
  });

  it("remembers undefined results too", () => {
    let n = 0;
    const nothing = memoize(() => {
      n++;
      return undefined;
    }, 4);
    nothing("a");
    nothing("a");
    assert.equal(n, 1);
  });

  it("forgets everything when measurements ask it to", () => {
    let n = 0;
    const count = memoize((s: string) => {
      n++;
      return s.length;
    }, 4);
    count("policy");
    count("policy");
    forgetRemembered();
    count("policy");
    assert.equal(n, 2);
  });
});
