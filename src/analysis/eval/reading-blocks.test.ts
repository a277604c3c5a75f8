import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { firstWords, readingBlocks } from "./reading-blocks.js";

// A real excerpt (npm Privacy Questions and Answers and Buffer's Privacy Policy, bench/findings/documents/).
const EXCERPT = `Privacy Questions and Answers
=============================

npm collects data about you:

*   when you browse the npm website, [npmjs.com](https://www.npmjs.com/)
*   when you send support, privacy, legal, and other requests to npm

npm may inadvertently collect data about you if it is included
in software packages that you or others upload.

#### Cookies and Similar Technologies

| Category | Purpose | Examples | Can you disable it? |
| --- | --- | --- | --- |
| Strictly necessary | Enable core functions like signing in. | Session cookies | No  |
| Advertisement | Deliver relevant ads. | Meta Pixel, Google Ads | Yes |
`;

describe("readingBlocks", () => {
  const blocks = readingBlocks(EXCERPT);

  it("makes each list item and table row its own block, and skips separator rows", () => {
    assert.deepEqual(
      blocks.map((b) => b.kind),
      [
        "heading",
        "paragraph",
        "list-item",
        "list-item",
        "paragraph",
        "heading",
        "table-row",
        "table-row",
        "table-row",
      ],
    );
    assert.equal(blocks[4]?.text.split("\n").length, 2, "a paragraph keeps its two lines");
  });

  it("gives each block its exact text and offsets, numbered in order", () => {
    for (const [i, b] of blocks.entries()) {
      assert.equal(b.index, i);
      assert.equal(EXCERPT.slice(b.start, b.end), b.text);
    }
  });

  it("reads list items with their lead-in and rows with their header", () => {
    assert.equal(blocks[2]?.leadIn, "npm collects data about you:");
    assert.equal(blocks[8]?.leadIn, "| Category | Purpose | Examples | Can you disable it? |");
    assert.equal(blocks[6]?.leadIn, undefined, "the header row has no header above it");
    assert.equal(blocks[8]?.heading, "#### Cookies and Similar Technologies");
  });

  it("shortens a block to its first words", () => {
    assert.equal(firstWords("npm may  inadvertently\ncollect data about you", 3), "npm may inadvertently");
  });
});
