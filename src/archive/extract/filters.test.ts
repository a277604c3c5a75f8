import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DomUtils } from "htmlparser2";
import { applyFilters } from "./filters.js";
import { parseHtml } from "./parse-html.js";

describe("applyFilters", () => {
  it("removeQueryParams strips click-tracking parameters from links and images, and only them", () => {
    const doc = parseHtml(
      '<a href="/legal/privacy?gclid=abc&section=2&fbclid=x">Privacy</a><img src="https://cdn.example.org/a.png?mkt_tok=1"><a href="/plain?page=3">Plain</a>',
    );
    applyFilters(doc, ["removeQueryParams"], new URL("https://example.org/terms"), []);
    const urls = DomUtils.findAll((el) => el.name === "a" || el.name === "img", doc).map(
      (el) => el.attribs.href ?? el.attribs.src,
    );
    assert.deepEqual(urls, [
      "https://example.org/legal/privacy?section=2",
      "https://cdn.example.org/a.png",
      "/plain?page=3",
    ]);
  });

  it("skips, with a warning, filters that exist only as code in an OTA collection", () => {
    const warnings: string[] = [];
    applyFilters(
      parseHtml("<p>Text</p>"),
      ["convertSpacesToStandard", "removeSharingButtons"],
      null,
      warnings,
    );
    assert.deepEqual(warnings, ['filter "removeSharingButtons" is not available; ignored']);
  });
});
