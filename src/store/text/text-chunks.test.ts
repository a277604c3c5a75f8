import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CHUNKED_TEXT_UNITS, TEXT_CHUNK_UNITS, textChunks } from "./text-chunks.js";

describe("chunks of a very large text", () => {
  it("leaves a short text whole", () => {
    assert.deepEqual(textChunks("a".repeat(CHUNKED_TEXT_UNITS)), []);
  });

  it("tiles a long text in chunks of at most TEXT_CHUNK_UNITS, never splitting a surrogate pair", () => {
    // An emoji straddles every chunk boundary when the text before it is one unit short of a chunk.
    const unit = `${"a".repeat(TEXT_CHUNK_UNITS - 1)}😀`;
    const text = unit.repeat(5);
    const chunks = textChunks(text);
    assert.equal(chunks[0]?.start, 0);
    assert.equal(chunks.at(-1)?.end, text.length);
    for (const [i, c] of chunks.entries()) {
      assert.ok(c.end - c.start <= TEXT_CHUNK_UNITS && c.end > c.start, `chunk ${i}`);
      if (i > 0) assert.equal(c.start, chunks[i - 1]?.end, `chunk ${i} starts where ${i - 1} ended`);
      const part = text.slice(c.start, c.end);
      assert.equal(Buffer.from(part).toString(), part, `chunk ${i} holds whole characters`);
    }
    assert.equal(chunks[0]?.end, TEXT_CHUNK_UNITS - 1, "the first emoji moves to the second chunk");
  });
});
