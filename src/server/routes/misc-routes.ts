/** Stylesheet, record ID resolver, archived copies and health check. */
import type { Hono } from "hono";
import { parseRecordId } from "../../citations/index.js";
import { BlobNotFoundError } from "../../store/index.js";
import { STYLESHEET, STYLESHEET_PATH } from "../assets/assets.js";
import type { ServerDeps } from "../deps.js";
import { badRequest, notFound } from "../http-errors.js";
import { loadCitation } from "../views/citation-view.js";

export function registerMiscRoutes(app: Hono, deps: ServerDeps): void {
  app.get(STYLESHEET_PATH, (c) =>
    c.body(STYLESHEET, 200, {
      "content-type": "text/css; charset=utf-8",
      // The path carries the content hash: a changed stylesheet gets a new URL, so this copy never goes stale.
      "cache-control": "public, max-age=31536000, immutable",
    }),
  );

  /** Permanent links: /records/CW-P-42 → the record's page. */
  app.get("/records/:recordId", async (c) => {
    const text = c.req.param("recordId");
    const ref = parseRecordId(text);
    if (!ref)
      throw badRequest("Invalid record ID", [`${text} is not of the form CW-D-1, CW-V-1, CW-P-1 or CW-C-1`]);
    const citation = await loadCitation(deps, ref.kind, ref.id, new URL(c.req.url).origin);
    if (!citation) throw notFound(`Record ${text.toUpperCase()}`);
    const target = new URL(citation.url);
    return c.redirect(`${target.pathname}${target.search}`, 301);
  });

  /**
   * The archived copy of a snapshot, byte for byte. Text is served as plain text (a platform's archived HTML
   * never runs as a page of this site), anything else as a download.
   */
  app.get("/archive/:sha256", async (c) => {
    const sha = c.req.param("sha256");
    if (!/^[0-9a-f]{64}$/.test(sha)) throw badRequest("Invalid address", ["sha256: must be 64 hex digits"]);
    const snapshot = await deps.src.db
      .selectFrom("snapshots")
      .select("mime_type")
      .where("sha256", "=", sha)
      .executeTakeFirst();
    if (!snapshot) throw notFound(`Archived copy ${sha}`);
    // Streamed from the blob store: a copy of tens of megabytes is never held whole.
    const blob = await deps.store.blobs.open(sha).catch((error: unknown) => {
      if (error instanceof BlobNotFoundError) throw notFound(`Archived copy ${sha}`);
      throw error;
    });
    const text = /^(?:text\/|application\/(?:xhtml\+)?xml)/.test(snapshot.mime_type);
    return c.body(blob.stream, 200, {
      "content-length": String(blob.size),
      "content-type": text ? "text/plain; charset=utf-8" : "application/octet-stream",
      ...(text ? {} : { "content-disposition": `attachment; filename="${sha}"` }),
      "cache-control": "public, max-age=31536000, immutable",
    });
  });

  app.get("/healthz", (c) => c.json({ ok: true }));
}
