/**
 * `npm run crawl:demo -- [--data-dir DIR]`: every page of the demo, read as a reader would. Serves the bundled
 * demo corpus (imported into a temporary directory first unless `--data-dir` already holds it), crawls every page
 * reachable from the dashboard, search and compare pages, and reports the pages that did not answer 200 and any
 * Markdown source left in visible text (the test suite crawls a small fixture corpus the same way). Exit status 1
 * when it finds either.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { crawl, markdownLeftovers } from "../test/e2e/helpers/crawl.js";
import { importDemo } from "./demo-data.js";

const { values } = parseArgs({ options: { "data-dir": { type: "string" } } });
/** Far more than the demo has: the crawl stops when no page is left, not here. */
const MAX_PAGES = 100_000;
const START = ["/", "/search?q=personal+data", "/compare?p=github&p=spotify&p=zoom", "/api/docs"];

async function main(): Promise<number> {
  const temporary = values["data-dir"] ? null : mkdtempSync(join(tmpdir(), "clausewatch-crawl-"));
  try {
    if (temporary) importDemo(temporary);
    process.env.CLAUSEWATCH_DATA_DIR = values["data-dir"] ? resolve(values["data-dir"]) : (temporary ?? "");
    // Imported after the data directory is set: the store opens as configured by the environment.
    const { openContext } = await import("../src/cli/context.js");
    const { startServer } = await import("../src/server/index.js");
    const ctx = await openContext();
    const server = await startServer(ctx.store, { port: 0, host: "127.0.0.1" });
    try {
      const started = Date.now();
      const { pages, failed } = await crawl(server.url, START, MAX_PAGES);
      const found = markdownLeftovers(pages);
      const kinds = new Map<string, number>();
      for (const path of pages.keys()) {
        const kind = path.split(/[/?]/)[1] || "dashboard";
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
      console.log(
        `crawled ${pages.size} pages in ${((Date.now() - started) / 1000).toFixed(0)} s: ${[...kinds]
          .map(([kind, n]) => `${kind} ${n}`)
          .join(", ")}`,
      );
      console.log(`not 200: ${failed.length}`);
      for (const f of failed.slice(0, 20)) console.log(`  ${f}`);
      console.log(`Markdown left in visible text: ${found.length}`);
      for (const f of found.slice(0, 40)) console.log(`  ${f}`);
      return failed.length + found.length === 0 ? 0 : 1;
    } finally {
      await server.close();
      await ctx.close();
    }
  } finally {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}

process.exitCode = await main();
