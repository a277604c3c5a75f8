/** The printable platform report, as HTML (print stylesheet) and as PDF (rendered by Chromium). */
import type { Hono } from "hono";
import type { ServerDeps } from "../deps.js";
import { ReportPage } from "../pages/report-page.js";
import { parseOrThrow, SlugParam } from "../params.js";
import { PdfUnavailableError } from "../pdf/pdf-renderer.js";
import { html, toHtml } from "../render.js";
import { loadReport } from "../views/report-view.js";

export function registerReportRoutes(app: Hono, deps: ServerDeps): void {
  app.get("/platforms/:slug/report", async (c) => {
    const slug = parseOrThrow(SlugParam, c.req.param("slug"), "platform");
    const view = await loadReport(deps, slug);
    return html(
      c,
      <ReportPage
        view={view}
        knowledge={deps.knowledge}
        origin={deps.publicUrl ?? new URL(c.req.url).origin}
      />,
    );
  });

  app.get("/platforms/:slug/report.pdf", async (c) => {
    const slug = parseOrThrow(SlugParam, c.req.param("slug").replace(/\.pdf$/, ""), "platform");
    const view = await loadReport(deps, slug);
    const page = await toHtml(
      <ReportPage
        view={view}
        knowledge={deps.knowledge}
        origin={deps.publicUrl ?? new URL(c.req.url).origin}
        inlineStyles
      />,
    );
    try {
      const pdf = await deps.pdf.render(page);
      // Hono wants an ArrayBuffer-backed view; Chromium gives a Buffer over a pooled ArrayBufferLike.
      const body = new Uint8Array(pdf).buffer;
      return c.body(body, 200, {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="clausewatch-${slug}-report.pdf"`,
        "cache-control": "no-store",
      });
    } catch (error) {
      if (error instanceof PdfUnavailableError) {
        return c.text(`${error.message}: /platforms/${slug}/report`, 503);
      }
      throw error;
    }
  });
}
