import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { changedText, wordDiff } from "./word-diff.js";

function side(segments: ReturnType<typeof wordDiff>, skip: "insert" | "delete"): string {
  return segments
    .filter((s) => s.op !== skip)
    .map((s) => s.text)
    .join("");
}

describe("wordDiff", () => {
  it("rebuilds both texts and marks only the changed words", () => {
    const a = "We may share your data with partners.";
    const b = "We may share your precise location with advertising partners.";
    const diff = wordDiff(a, b);
    assert.equal(side(diff, "insert"), a);
    assert.equal(side(diff, "delete"), b);
    assert.deepEqual(changedText(diff), { inserted: "precise location … advertising", deleted: "data" });
  });

  it("returns one equal segment for equal texts and nothing for two empty ones", () => {
    assert.deepEqual(wordDiff("same", "same"), [{ op: "equal", text: "same" }]);
    assert.deepEqual(wordDiff("", ""), []);
  });

  it("gives up on word detail past the edit budget", () => {
    assert.deepEqual(wordDiff("a b c d", "w x y z", 1), [
      { op: "delete", text: "a b c d" },
      { op: "insert", text: "w x y z" },
    ]);
  });
});
