import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { segment } from "../../analysis/segment/index.js";
import { splitsPairAt } from "../../store/text/text-chunks.js";
import { HttpError } from "../http-errors.js";
import { type PageLayout, textPage } from "./text-pages.js";

// Proton Mail's privacy policy (Open Terms Archive contributors, ODC-By 1.0; see src/changes/fixtures).
const POLICY = readFileSync(
  new URL("../../changes/fixtures/Proton Mail/Privacy Policy/2026-02-04T12-46-26Z.md", import.meta.url),
  "utf8",
);
const TEXT = POLICY.repeat(3);
const STARTS = segment(TEXT).map((p) => p.start);

/** A text and its provisions' starts held in memory (the store answers the same questions by query). */
function layout(text: string, starts: readonly number[]): PageLayout {
  return {
    length: text.length,
    splitsPairAt: async (offset) => splitsPairAt(text, offset),
    lastProvisionStart: async (after, upTo) => {
      const inside = starts.filter((s) => s > after && s <= upTo);
      return inside.length ? Math.max(...inside) : undefined;
    },
  };
}

describe("pages of a version's text", () => {
  it("cuts where a provision starts and tiles the text", async () => {
    const size = 5_000;
    const text = layout(TEXT, STARTS);
    const first = await textPage(text, 1, size);
    assert.ok(first.pageCount > TEXT.length / size, `${first.pageCount} pages`);
    let end = 0;
    for (let n = 1; n <= first.pageCount; n++) {
      const page = await textPage(text, n, size);
      assert.equal(page.start, end, `page ${n} starts where page ${n - 1} ended`);
      assert.ok(page.end - page.start <= size, `page ${n} is at most ${size} characters`);
      if (n < first.pageCount) assert.ok(STARTS.includes(page.end), `page ${n} ends at a provision`);
      end = page.end;
    }
    assert.equal(end, TEXT.length);
  });

  it("splits a provision longer than a page, never inside a surrogate pair, and answers 404 past the last page", async () => {
    const text = layout(`${"a".repeat(99)}😀${"b".repeat(100)}`, [0]);
    const first = await textPage(text, 1, 100);
    assert.equal(first.end, 99, "the emoji moves whole to the next page");
    assert.equal((await textPage(text, 2, 100)).start, 99);
    await assert.rejects(
      () => textPage(text, 4, 100),
      (error: unknown) => error instanceof HttpError && error.status === 404,
    );
  });
});
