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
import { Parser } from "htmlparser2";
import type { Browser } from "playwright-core";
import { Archiver } from "../../src/archive/archiver.js";
import { importOtaDataset } from "../../src/archive/ota/index.js";
import { WarcWriter } from "../../src/archive/warc/warc-writer.js";
import { createVersionListener } from "../../src/pipeline/index.js";
import { type RunningServer, startServer } from "../../src/server/index.js";
import { createTestStore } from "../helpers/backends.js";
import { launchBrowser } from "./helpers/browser.js";

const CORPUS = fileURLToPath(new URL("../fixtures/ota-pages", import.meta.url));
/** Markdown source that must never reach a reader. */
const MARKDOWN_LEFTOVERS = ["<br", "**", "](#", "====", "| ---"];
/** Pages that are not HTML pages of the site, or repeat one already crawled with other filters. */
const SKIP = /^\/(?:api|feeds|archive|records)\b|\.pdf$|[?&](?:page|version|severity|type|kind|scope)=/;
const MAX_PAGES = 600;

/** The text a reader sees: everything in <body> except scripts and styles, entities decoded. */
function visibleText(html: string): string {
  let text = "";
  let skipping = 0;
  let inBody = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "body") inBody = true;
        if (name === "script" || name === "style") skipping++;
      },
      onclosetag(name) {
        if (name === "script" || name === "style") skipping--;
        text += " ";
      },
      ontext(data) {
        if (inBody && skipping === 0) text += data;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text;
}

function links(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*href="(\/[^"#]*)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&"));
}

/** The kind of page a path is: its first segment, and whether it names a record. */
function pageType(path: string): string {
  const [pathname = "", query] = path.split("?");
  const segments = pathname.split("/").filter(Boolean);
  return `${segments.map((s, i) => (i > 0 && /^[\w-]+$/.test(s) && i === 1 ? ":id" : s)).join("/")}${query ? "?" : ""}`;
}

describe("every page of a real corpus, crawled and read on a phone", () => {
  let server: RunningServer;
  let dispose: () => Promise<void>;
  const pages = new Map<string, string>();

  before(async () => {
    const temp = await createTestStore("sqlite");
    dispose = temp.dispose;
    const archiver = new Archiver(temp.store, {
      warc: new WarcWriter(join(temp.dataDir, "warc")),
      onVersion: createVersionListener(temp.store),
    });
    await importOtaDataset(archiver, CORPUS);
    server = await startServer(temp.store, { port: 0 });
    const queue = ["/", "/search?q=information", "/compare?p=reddit&p=hugging-face&p=youtube", "/api/docs"];
    while (queue.length > 0 && pages.size < MAX_PAGES) {
      const path = queue.shift() ?? "/";
      if (pages.has(path)) continue;
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 200, `${path} answered ${response.status}`);
      const html = await response.text();
      pages.set(path, html);
      for (const link of links(html)) if (!pages.has(link) && !SKIP.test(link)) queue.push(link);
    }
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
    const found: string[] = [];
    for (const [path, html] of pages) {
      const text = visibleText(html);
      for (const leftover of MARKDOWN_LEFTOVERS) {
        const at = text.indexOf(leftover);
        if (at >= 0)
          found.push(`${path}: "${text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, " ")}"`);
      }
    }
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
