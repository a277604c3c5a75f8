import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { sha256Hex } from "./hash.js";

describe("sha256Hex", () => {
  it("gives what a Hash object gives, for text (any Unicode, lone surrogates too) and bytes", () => {
    const texts = [
      "",
      "a",
      "collect person inform",
      "é ß 𝐖 🙂",
      "lone \uD800 surrogate \uDFFF",
      "x".repeat(100_000),
    ];
    for (let n = 0; n < 200; n++)
      texts.push(String.fromCharCode(...Array.from({ length: n }, (_, k) => (k * 7919 + n * 31) % 0xffff)));
    for (const text of texts) {
      assert.equal(sha256Hex(text), createHash("sha256").update(text).digest("hex"));
      const bytes = new TextEncoder().encode(text);
      assert.equal(sha256Hex(bytes), createHash("sha256").update(bytes).digest("hex"));
    }
  });
});
