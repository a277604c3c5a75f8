/**
 * End to end over a small real corpus (test/fixtures/ota-pages: tables with `<br>` in cells, anchor links,
 * setext headings, bold): every page reachable from the dashboard is crawled over HTTP and its visible text
 * must show no Markdown source; then headless Chromium opens one page of each type on a 390 px phone
 * viewport (no horizontal overflow) and runs axe-core on it (no serious or critical violation).
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { Archiver } from "../../src/archive/archiver.js";
import { importOtaDataset } from "../../src/archive/ota/index.js";
import { WarcWriter } from "../../src/archive/warc/warc-writer.js";
import { createVersionListener } from "../../src/pipeline/index.js";
import { type RunningServer, startServer } from "../../src/server/index.js";
import type { Store } from "../../src/store/index.js";
import { createTestStore } from "../helpers/backends.js";
import { launchBrowser } from "./helpers/browser.js";
import { crawl, markdownLeftovers } from "./helpers/crawl.js";

const CORPUS = fileURLToPath(new URL("../fixtures/ota-pages", import.meta.url));
const MAX_PAGES = 600;
/** The public origin a deployment declares: reports must link there, not to the address the server listens on. */
const PUBLIC_URL = "https://clausewatch.example";

/** The kind of page a path is: its first segment, and whether it names a record. */
function pageType(path: string): string {
  const [pathname = "", query] = path.split("?");
  const segments = pathname.split("/").filter(Boolean);
  return `${segments.map((s, i) => (i > 0 && /^[\w-]+$/.test(s) && i === 1 ? ":id" : s)).join("/")}${query ? "?" : ""}`;
}

describe("every page of a real corpus, crawled and read on a phone", () => {
  let server: RunningServer;
  let store: Store;
  let dispose: () => Promise<void>;
  const pages = new Map<string, string>();

  before(async () => {
    const temp = await createTestStore("sqlite");
    dispose = temp.dispose;
    store = temp.store;
    const archiver = new Archiver(temp.store, {
      warc: new WarcWriter(join(temp.dataDir, "warc")),
      onVersion: createVersionListener(temp.store),
    });
    await importOtaDataset(archiver, CORPUS);
    server = await startServer(temp.store, { port: 0 });
    const crawled = await crawl(
      server.url,
      ["/", "/search?q=information", "/compare?p=reddit&p=hugging-face&p=youtube", "/api/docs"],
      MAX_PAGES,
    );
    assert.deepEqual(crawled.failed, []);
    for (const [path, html] of crawled.pages) pages.set(path, html);
  });

  after(async () => {
    await server?.close();
    await dispose?.();
  });

  it("crawls every kind of page, and shows no Markdown source in any visible text", () => {
    const types = new Set([...pages.keys()].map(pageType));
    for (const type of [
      "",
      "platforms",
      "platforms/:id",
      "platforms/:id/report",
      "documents/:id",
      "provisions/:id",
      "changes",
      "changes/:id",
      "clause-types",
      "clause-types/:id",
      "compare?",
      "search?",
    ])
      assert.ok(types.has(type), `crawled a page of type "${type}" (${[...types].join(", ")})`);
    const found = markdownLeftovers(pages);
    assert.deepEqual(found.slice(0, 20), [], `${found.length} leftovers`);
  });

  it("renders a table-row provision as a table under its header, with line breaks from <br> in cells", () => {
    const tables = [...pages].filter(
      ([path, html]) =>
        path.startsWith("/provisions/") && /<blockquote[^>]*>\s*<div class="md"><table>\s*<thead>/.test(html),
    );
    assert.ok(tables.length > 0, "Reddit's privacy policy has provisions that are table rows");
    assert.ok(
      tables.some(([, html]) => /<td>(?:(?!<\/td>).)*<br>/s.test(html)),
      "some cell has a line break written as <br> in the source",
    );
  });

  describe("in Chromium", () => {
    let browser: Browser;
    const samples = new Map<string, string>();

    before(async () => {
      browser = await launchBrowser();
      for (const path of pages.keys()) if (!samples.has(pageType(path))) samples.set(pageType(path), path);
    });

    after(async () => {
      await browser?.close();
    });

    it("no page type overflows a 390 px wide phone screen", async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const wide: string[] = [];
      for (const path of samples.values()) {
        await page.goto(`${server.url}${path}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 390) wide.push(`${path}: ${width} px`);
      }
      await page.close();
      assert.deepEqual(wide, []);
    });

    it("the report prints with its severity colours and without the site's navigation", async () => {
      const report = [...pages.keys()].find((path) => /^\/platforms\/[\w-]+\/report$/.test(path));
      assert.ok(report);
      const page = await browser.newPage();
      await page.goto(`${server.url}${report}`);
      await page.emulateMedia({ media: "print" });
      const printed = await page.evaluate(() => {
        const badge = document.querySelector(".badge.sev-high, .badge.sev-medium, .badge.sev-low");
        return {
          nav: getComputedStyle(document.querySelector("header.site") ?? document.body).display,
          badge: badge ? getComputedStyle(badge).backgroundColor : null,
          adjust: getComputedStyle(document.body).getPropertyValue("print-color-adjust"),
        };
      });
      await page.close();
      assert.equal(printed.nav, "none");
      assert.ok(printed.badge && printed.badge !== "rgba(0, 0, 0, 0)", `badge background ${printed.badge}`);
      assert.equal(printed.adjust, "exact", "browsers print backgrounds only when asked");
    });

    it("the PDF report: a summary page first, then the findings, every link absolute to the public URL", async () => {
      const report = [...pages.keys()].find((path) => /^\/platforms\/[\w-]+\/report$/.test(path));
      assert.ok(report);
      const published = await startServer(store, { port: 0, publicUrl: PUBLIC_URL });
      try {
        const response = await fetch(`${published.url}${report}.pdf`);
        assert.equal(response.status, 200, await response.clone().text());
        const { PDFParse } = await import("pdf-parse");
        const parser = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
        try {
          const { pages: printed } = await parser.getText();
          const { pages: withLinks } = await parser.getInfo({ parsePageInfo: true });
          const first = printed[0]?.text ?? "";
          for (const summary of [
            /At a glance/,
            /Platform grade/,
            /In force/,
            /Last substantive change/,
            /Documents/,
          ])
            assert.match(first, summary);
          assert.match(first, /most severe finding/i);
          assert.doesNotMatch(first, /Findings \(\d+\)/, "the findings start on a page of their own");
          assert.match(printed[1]?.text ?? "", /^\s*Findings \(\d+\)/, "page 2 opens with the findings");
          const links = withLinks.flatMap((page) => page.links.map((link) => link.url));
          assert.ok(
            links.some((url) => url.startsWith(`${PUBLIC_URL}/provisions/`)),
            links.join("\n"),
          );
          assert.deepEqual(
            links.filter((url) => !url.startsWith(`${PUBLIC_URL}/`)),
            [],
            "no link to the server's own address, nor a relative one the PDF cannot follow",
          );
        } finally {
          await parser.destroy();
        }
      } finally {
        await published.close();
      }
    });

    it("axe-core finds no serious or critical violation on any page type", async () => {
      const require = createRequire(import.meta.url);
      const axe = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      const problems: string[] = [];
      for (const path of samples.values()) {
        await page.goto(`${server.url}${path}`);
        await page.addScriptTag({ content: axe });
        const violations = await page.evaluate(async () => {
          const result = await (
            window as unknown as {
              axe: {
                run(): Promise<{
                  violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
                }>;
              };
            }
          ).axe.run();
          return result.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.id} (${v.impact}) at ${JSON.stringify(v.nodes[0]?.target)}`);
        });
        for (const v of violations) problems.push(`${path}: ${v}`);
      }
      await page.close();
      assert.deepEqual(problems, []);
    });
  });
});
