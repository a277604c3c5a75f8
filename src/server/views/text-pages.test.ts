import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { segment } from "../../analysis/segment/index.js";
import type { ProvisionView } from "../../store/queries/index.js";
import { HttpError } from "../http-errors.js";
import { textPage } from "./text-pages.js";

// Proton Mail's privacy policy (Open Terms Archive contributors, ODC-By 1.0; see src/changes/fixtures).
const POLICY = readFileSync(
  new URL("../../changes/fixtures/Proton Mail/Privacy Policy/2026-02-04T12-46-26Z.md", import.meta.url),
  "utf8",
);
const TEXT = POLICY.repeat(3);
const PROVISIONS: ProvisionView[] = segment(TEXT).map((p, i) => ({
  ...p,
  id: i + 1,
  versionId: 1,
  documentId: 1,
  maxSeverity: null,
  clauses: [],
}));

describe("pages of a version's text", () => {
  it("cuts where a provision starts, tiles the text, and lists each provision on the pages it overlaps", () => {
    const size = 5_000;
    const first = textPage(TEXT, PROVISIONS, 1, size);
    assert.ok(first.pageCount > TEXT.length / size, `${first.pageCount} pages`);
    let end = 0;
    for (let n = 1; n <= first.pageCount; n++) {
      const page = textPage(TEXT, PROVISIONS, n, size);
      assert.equal(page.start, end, `page ${n} starts where page ${n - 1} ended`);
      assert.ok(page.end - page.start <= size, `page ${n} is at most ${size} characters`);
      if (n < first.pageCount)
        assert.ok(
          PROVISIONS.some((p) => p.start === page.end),
          `page ${n} ends at a provision`,
        );
      for (const p of page.provisions) assert.ok(p.start < page.end && p.end > page.start);
      end = page.end;
    }
    assert.equal(end, TEXT.length);
  });

  it("splits a provision longer than a page, never inside a surrogate pair, and answers 404 past the last page", () => {
    const text = `${"a".repeat(99)}😀${"b".repeat(100)}`;
    const whole: ProvisionView = { ...PROVISIONS[0]!, start: 0, end: text.length };
    const first = textPage(text, [whole], 1, 100);
    assert.equal(first.end, 99, "the emoji moves whole to the next page");
    assert.deepEqual(first.provisions, [whole]);
    assert.equal(textPage(text, [whole], 2, 100).start, 99);
    assert.throws(
      () => textPage(text, [whole], 4, 100),
      (error: unknown) => error instanceof HttpError && error.status === 404,
    );
  });
});
