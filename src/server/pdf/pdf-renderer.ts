/**
 * HTML → PDF through headless Chromium (playwright-core). The browser is launched on the first report and
 * reused; each report renders in its own context with JavaScript off and every network request refused,
 * so nothing in an archived document can run or phone home while the PDF is made.
 */
import type { Browser } from "playwright-core";
import { findChromium } from "../../archive/fetch/chromium-path.js";

/** Loaded on the first PDF only: playwright-core takes seconds to import and most processes never need it. */
async function launchChromium(executablePath: string): Promise<Browser> {
  const [{ chromium }, { CHROMIUM_ARGS }] = await Promise.all([
    import("playwright-core"),
    import("../../archive/fetch/browser-pool.js"),
  ]);
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}

/** Turns a self-contained HTML page (styles inlined) into a PDF. */
export interface PdfRenderer {
  render(html: string, options?: { title?: string }): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** No Chromium on this machine: the report is still available as HTML. */
export class PdfUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PdfUnavailableError";
  }
}

export class ChromiumPdfRenderer implements PdfRenderer {
  private browser: Promise<Browser> | undefined;

  /**
   * @param locate finds the Chromium executable; called whenever a browser must be launched, so that one
   *   installed (or put on PATH) after the server started serves the next PDF without a restart.
   */
  constructor(private readonly locate: () => string | null = () => findChromium()) {}

  private launch(): Promise<Browser> {
    if (this.browser) return this.browser;
    const executablePath = this.locate();
    if (!executablePath) {
      return Promise.reject(
        new PdfUnavailableError("no Chromium executable found on PATH; the HTML report is available"),
      );
    }
    const launching = launchChromium(executablePath);
    this.browser = launching;
    launching.then(
      (b) =>
        b.on("disconnected", () => {
          if (this.browser === launching) this.browser = undefined;
        }),
      () => {
        if (this.browser === launching) this.browser = undefined;
      },
    );
    return launching;
  }

  async render(html: string): Promise<Uint8Array> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      await context.route("**/*", (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: "load" });
      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({
        format: "A4",
        printBackground: true,
        margin: { top: "16mm", bottom: "16mm", left: "14mm", right: "14mm" },
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate:
          '<div style="font-size:8px;width:100%;text-align:center;color:#555">ClauseWatch report · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = undefined;
    if (pending) await (await pending.catch(() => undefined))?.close();
  }
}
