/** Headless Chromium for end-to-end tests (playwright-core over the system Chromium). */
import { type Browser, chromium } from "playwright-core";
import { findChromium } from "../../../src/archive/fetch/chromium-path.js";

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error("no Chromium on PATH: the end-to-end tests need one (Debian: apt install chromium)");
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
}
