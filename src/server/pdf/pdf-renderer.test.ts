import assert from "node:assert/strict";
import { it } from "node:test";
import { findChromium } from "../../archive/fetch/chromium-path.js";
import { ChromiumPdfRenderer, PdfUnavailableError } from "./pdf-renderer.js";

it("looks Chromium up when a PDF is asked for, so one that appears later serves the next PDF", async () => {
  // The PATH the renderer searches: empty at first (no Chromium), then the machine's own.
  let path = "";
  const renderer = new ChromiumPdfRenderer(() => findChromium(path));
  try {
    await assert.rejects(renderer.render("<h1>Report</h1>"), PdfUnavailableError);
    path = process.env.PATH ?? "";
    assert.ok(findChromium(path), "the tests need Chromium on PATH (Debian: apt install chromium)");
    const pdf = await renderer.render("<!DOCTYPE html><title>t</title><h1>Report</h1>");
    assert.equal(new TextDecoder().decode(pdf.slice(0, 5)), "%PDF-");
  } finally {
    await renderer.close();
  }
});
