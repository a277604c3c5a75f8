/**
 * `npm run screenshots`: the README's pictures. Imports the bundled demo corpus into a temporary data directory by
 * running `clausewatch demo --no-serve`, serves it on a free loopback port, and photographs the dashboard and the
 * first provision among its most severe ones with headless Chromium into docs/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";
import { findChromium } from "../src/archive/fetch/chromium-path.js";
// The browser tests' switches (no sandbox, GPU, background networking, sync); `headless: true` adds --headless.
import { CHROMIUM_FLAGS } from "../test/e2e/helpers/browser.js";
import { DemoImportError, importDemo } from "./demo-data.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT_DIR = join(ROOT, "docs", "screenshots");
const WIDTH = 1366;
/** Clip height: the top of a page tells its story, and keeps each PNG small. */
const MAX_HEIGHT = 1400;

/** A failure reported as one clear line and exit status 1, after the temporary data is removed. */
class ScreenshotError extends Error {}

function fail(message: string): never {
  throw new ScreenshotError(message);
}

/** Writes the page's top, at most MAX_HEIGHT pixels, and reports the file's size. */
async function shoot(page: Page, url: string, file: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: "networkidle" });
  if (!response?.ok()) fail(`${url} answered ${response?.status() ?? "nothing"}`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const path = join(OUT_DIR, file);
  await page.screenshot({
    path,
    fullPage: true,
    clip: { x: 0, y: 0, width: WIDTH, height: Math.min(height, MAX_HEIGHT) },
  });
  console.log(`${path}: ${Math.round(statSync(path).size / 1024)} KB (${url})`);
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (executablePath === null)
    fail("no Chromium on PATH (install Debian's `chromium` package: apt-get install chromium)");
  const dataDir = mkdtempSync(join(tmpdir(), "clausewatch-screenshots-"));
  try {
    importDemo(dataDir);
    process.env.CLAUSEWATCH_DATA_DIR = dataDir;
    // Imported after the data directory is set: the store opens as configured by the environment.
    const { openContext } = await import("../src/cli/context.js");
    const { startServer } = await import("../src/server/index.js");
    const ctx = await openContext();
    const server = await startServer(ctx.store, { port: 0, host: "127.0.0.1" });
    const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
    try {
      const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 }, deviceScaleFactor: 1 });
      mkdirSync(OUT_DIR, { recursive: true });
      await shoot(page, `${server.url}/`, "dashboard.png");
      const href = await page
        .locator('section[aria-labelledby="severe-h"] a[href^="/provisions/"]')
        .first()
        .getAttribute("href");
      if (href === null) fail("the dashboard lists no severe provision to photograph");
      await shoot(page, `${server.url}${href}`, "provision.png");
    } finally {
      await browser.close();
      await server.close();
      await ctx.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  const expected = error instanceof ScreenshotError || error instanceof DemoImportError;
  if (!expected && error instanceof Error) console.error(error.stack);
  process.exitCode = 1;
}
