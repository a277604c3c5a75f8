/**
 * How long the pages of one platform are, in Chromium: the height (scrollHeight, CSS px) of its platform page, each
 * of its document pages, its latest change record and its report, at 1366 and 390 px wide, and the pages of its PDF
 * report. A reader scrolls that far to reach the end; the top of each page should already say what matters.
 *
 *   npm run bench:page-heights -- [--data-dir DIR] [--platform spotify]
 *
 * With `--data-dir`, an archive already holding the demo (`clausewatch demo --no-serve`) is read as it is;
 * without, the demo is imported into a temporary directory first. Writes bench/out/page-heights.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { importDemo } from "../scripts/demo-data.js";
import { launchBrowser } from "../test/e2e/helpers/browser.js";

const { values } = parseArgs({
  options: { "data-dir": { type: "string" }, platform: { type: "string", default: "spotify" } },
});
const OUT = fileURLToPath(new URL("out", import.meta.url));
const WIDTHS = [1366, 390] as const;

interface Measured {
  page: string;
  path: string;
  heights: Record<string, number>;
}

/** The page paths of one platform: its page, its documents, its latest change record, its report. */
function pathsOf(platformHtml: string, slug: string): { page: string; path: string }[] {
  const documents = [...platformHtml.matchAll(/<a href="(\/documents\/\d+)">([^<]+)<\/a>/g)].map((m) => ({
    page: `document: ${m[2]}`,
    path: m[1] ?? "",
  }));
  // The newest record (highest id), wherever the page links it first.
  const ids = [...platformHtml.matchAll(/<a href="\/changes\/(\d+)"/g)].map((m) => Number(m[1]));
  const change = ids.length > 0 ? `/changes/${Math.max(...ids)}` : undefined;
  return [
    { page: "platform", path: `/platforms/${slug}` },
    ...[...new Map(documents.map((d) => [d.path, d])).values()],
    ...(change ? [{ page: "latest change record", path: change }] : []),
    { page: "report", path: `/platforms/${slug}/report` },
  ];
}

/** How many pages the PDF report has (rendered by the server's own Chromium). */
async function reportPdfPages(url: string): Promise<number> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const { PDFParse } = await import("pdf-parse");
  const parser = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
  try {
    return (await parser.getInfo()).total;
  } finally {
    await parser.destroy();
  }
}

async function main(): Promise<void> {
  const temporary = values["data-dir"] ? null : mkdtempSync(join(tmpdir(), "clausewatch-heights-"));
  const dataDir = values["data-dir"] ? resolve(values["data-dir"]) : (temporary ?? "");
  try {
    if (temporary) importDemo(temporary);
    process.env.CLAUSEWATCH_DATA_DIR = dataDir;
    // Imported after the data directory is set: the store opens as configured by the environment.
    const { openContext } = await import("../src/cli/context.js");
    const { startServer } = await import("../src/server/index.js");
    const ctx = await openContext();
    const server = await startServer(ctx.store, { port: 0, host: "127.0.0.1" });
    const browser = await launchBrowser();
    try {
      const slug = values.platform;
      const platform = await fetch(`${server.url}/platforms/${slug}`);
      if (!platform.ok) throw new Error(`/platforms/${slug} answered ${platform.status}`);
      const measured: Measured[] = pathsOf(await platform.text(), slug).map((p) => ({ ...p, heights: {} }));
      for (const width of WIDTHS) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        for (const m of measured) {
          await page.goto(`${server.url}${m.path}`);
          m.heights[width] = await page.evaluate(() => document.documentElement.scrollHeight);
        }
        await page.close();
      }
      console.log(`| page | path | ${WIDTHS.map((w) => `${w} px wide`).join(" | ")} |`);
      console.log(`|---|---|${WIDTHS.map(() => "---:").join("|")}|`);
      for (const m of measured)
        console.log(
          `| ${m.page} | \`${m.path}\` | ${WIDTHS.map((w) => `${(m.heights[w] ?? 0).toLocaleString("en")} px`).join(" | ")} |`,
        );
      const pdfPages = await reportPdfPages(`${server.url}/platforms/${slug}/report.pdf`);
      console.log(`PDF report: ${pdfPages} A4 pages`);
      mkdirSync(OUT, { recursive: true });
      writeFileSync(
        join(OUT, "page-heights.json"),
        `${JSON.stringify({ platform: slug, measured, pdfPages }, null, 2)}\n`,
      );
    } finally {
      await browser.close();
      await server.close();
      await ctx.close();
    }
  } finally {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}

await main();
