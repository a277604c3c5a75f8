/** The web application: pages, API, assets, strict headers and error pages, over one store. */

import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { SigningKey } from "../archive/chain/signing-key.js";
import type { Store } from "../store/index.js";
import { InvalidCursorError } from "../store/queries/index.js";
import { apiCors } from "./api/cors.js";
import { createApi } from "./api/create-api.js";
import { tryItLocation } from "./api/try-it-location.js";
import { compression } from "./compression.js";
import type { ServerDeps } from "./deps.js";
import { HttpError } from "./http-errors.js";
import { loadKnowledge } from "./knowledge.js";
import { ApiDocsPage } from "./pages/api-docs-page.js";
import { ErrorPage } from "./pages/error-page.js";
import { ChromiumPdfRenderer, type PdfRenderer } from "./pdf/pdf-renderer.js";
import { html } from "./render.js";
import { registerFeedRoutes } from "./routes/feed-routes.js";
import { registerMiscRoutes } from "./routes/misc-routes.js";
import { registerPageRoutes } from "./routes/page-routes.js";
import { registerReportRoutes } from "./routes/report-routes.js";
import { securityHeaders } from "./security-headers.js";

/** Options of {@link createApp}. */
export interface AppOptions {
  /** Renders report PDFs (default: headless Chromium, launched on the first PDF). */
  pdf?: PdfRenderer;
  /** Public origin used in citation URLs; default: the origin of each request. */
  publicUrl?: string | null;
  /** Clock for "accessed" dates and report times (tests pin it). */
  now?: () => Date;
  /** Accept watchlist webhooks on loopback and private addresses (tests, private deployments). */
  allowPrivateNetwork?: boolean;
  /** The archive's key, to publish signed checkpoints of its log (default: none, and the log routes answer 404). */
  signingKey?: SigningKey | null;
}

function isApi(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

/** The HTTP error that a thrown error stands for; null for an unexpected one (a 500). */
function knownError(error: Error): HttpError | null {
  if (error instanceof HttpError) return error;
  if (error instanceof InvalidCursorError)
    return new HttpError(400, "Invalid cursor", ["cursor: use the nextCursor value of the previous page"]);
  // Hono's own refusals of a request body, before any schema sees it.
  if (error instanceof HTTPException && error.status === 400)
    return new HttpError(400, "Invalid request body", ["body: not valid JSON"]);
  if (error instanceof HTTPException && error.status === 415)
    return new HttpError(415, "Unsupported media type", ["content-type: send application/json"]);
  return null;
}

/**
 * Builds the Hono app over `store`. Only the watchlist routes of the API write, for the holders of API
 * keys. The PDF renderer is created lazily; call
 * `close` on it (or use {@link startServer}, which does) to stop its browser.
 */
export function createApp(store: Store, options: AppOptions = {}): Hono {
  const deps: ServerDeps = {
    store,
    src: store.backend,
    knowledge: loadKnowledge(),
    pdf: options.pdf ?? new ChromiumPdfRenderer(),
    publicUrl: options.publicUrl ?? null,
    now: options.now ?? (() => new Date()),
    allowPrivateNetwork: options.allowPrivateNetwork ?? false,
    signingKey: options.signingKey ?? null,
  };
  const app = new Hono();
  app.use(securityHeaders());
  app.use(compression());

  // GET forms send empty fields (`?severity=`); the API treats them as absent by redirecting once to the clean URL.
  app.use("/api/v1/*", async (c, next) => {
    const url = new URL(c.req.url);
    const empty = [...url.searchParams.entries()].filter(([, v]) => v === "").map(([k]) => k);
    if (empty.length === 0) return next();
    for (const key of empty) url.searchParams.delete(key);
    return c.redirect(`${url.pathname}${url.search}`, 302);
  });
  app.use("/api/*", apiCors());

  const { api, document } = createApi(deps);
  app.get("/api/openapi.json", (c) => c.json(document()));
  app.get("/api/docs", (c) => html(c, <ApiDocsPage doc={document()} />));
  app.get("/api/docs/try", (c) =>
    c.redirect(tryItLocation(document(), "/api", new URL(c.req.url).searchParams), 303),
  );
  app.get("/api", (c) => c.redirect("/api/docs", 302));
  app.route("/api", api);

  registerMiscRoutes(app, deps);
  registerFeedRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerPageRoutes(app, deps);

  app.notFound(async (c) => {
    if (isApi(c.req.path)) {
      return c.json(
        { error: { status: 404, message: `No API route ${c.req.method} ${c.req.path}`, details: [] } },
        404,
      );
    }
    return html(c, <ErrorPage status={404} message={`No page at ${c.req.path}`} details={[]} />, 404);
  });

  app.onError(async (error, c) => {
    const known = knownError(error);
    if (!known) console.error(`clausewatch: ${c.req.method} ${c.req.path}:`, error);
    const status = known?.status ?? 500;
    const message = known?.message ?? "Internal error";
    const details = known?.details ?? [];
    const headers = known?.headers ?? {};
    if (isApi(c.req.path)) return c.json({ error: { status, message, details } }, status, headers);
    return html(c, <ErrorPage status={status} message={message} details={details} />, status);
  });
  return app;
}
