/** Atom feeds: the public feed of substantive changes (per platform too), and each Atom watchlist's feed. */
import type { Context, Hono } from "hono";
import type { Severity } from "../../model/index.js";
import { changeEntryOf, type FeedEntry, loadAlertItems, renderAtomFeed } from "../../notify/index.js";
import { findPlatform, listChangeRecords } from "../../store/queries/index.js";
import type { ServerDeps } from "../deps.js";
import { plainFeedEntry, platformFeed, SITE_FEED } from "../feeds.js";
import { badRequest, notFound } from "../http-errors.js";
import { parseOrThrow, SlugParam } from "../params.js";

const FEED_SECRET = /^[\w-]{32}$/;

/** Entries per feed: feed readers poll, they do not page. */
const FEED_SIZE = 50;
const SEVERITIES: readonly Severity[] = ["low", "medium", "high"];

function atom(c: Context, body: string): Response {
  return c.body(body, 200, { "content-type": "application/atom+xml; charset=utf-8" });
}

export function registerFeedRoutes(app: Hono, deps: ServerDeps): void {
  const origin = (c: Context): string => deps.publicUrl ?? new URL(c.req.url).origin;

  /** `?platform=<slug>` narrows to one platform, `?severity=medium|high` to the weightier changes. */
  app.get("/feeds/changes.atom", async (c) => {
    const given = c.req.query("platform");
    const slug = given ? parseOrThrow(SlugParam, given, "platform") : undefined;
    const severity = c.req.query("severity") ?? "low";
    if (!SEVERITIES.includes(severity as Severity))
      throw badRequest("Invalid severity", [`severity must be one of ${SEVERITIES.join(", ")}`]);
    const platform = slug ? await findPlatform(deps.src, slug) : undefined;
    if (slug && !platform) throw notFound(`Platform ${slug}`);
    const records = await listChangeRecords(deps.src, {
      kinds: ["substantive"],
      minSeverity: severity as Severity,
      limit: FEED_SIZE,
      ...(platform ? { platformIds: [platform.id] } : {}),
    });
    const base = origin(c);
    const entries: FeedEntry[] = records.map((r) => plainFeedEntry(changeEntryOf(r, base)));
    const self = new URL(c.req.path, base);
    self.search = new URL(c.req.url).search;
    return atom(
      c,
      renderAtomFeed({
        title: (platform ? platformFeed(platform) : SITE_FEED).title,
        selfUrl: self.href,
        siteUrl: new URL(platform ? `/platforms/${platform.slug}` : "/changes", base).href,
        entries,
      }),
    );
  });

  /** The secret in the URL is the capability: whoever has it can read the watchlist's alerts. */
  app.get("/feeds/watchlists/:file", async (c) => {
    const secret = c.req.param("file").replace(/\.atom$/, "");
    // Secrets are 32 base64url characters: anything else names no feed and never reaches SQL.
    if (!FEED_SECRET.test(secret)) throw notFound("Feed");
    const watchlist = await deps.store.watchlists.findBySecret(secret);
    if (watchlist?.channel !== "atom") throw notFound("Feed");
    const base = origin(c);
    const alerts = await deps.store.alerts.listByWatchlist(watchlist.id, FEED_SIZE);
    const entries = (await loadAlertItems(deps.src, alerts, base)).reverse().map(plainFeedEntry);
    return atom(
      c,
      renderAtomFeed({
        title: `ClauseWatch watchlist: ${watchlist.name}`,
        selfUrl: new URL(c.req.path, base).href,
        siteUrl: new URL("/changes", base).href,
        entries,
      }),
    );
  });
}
