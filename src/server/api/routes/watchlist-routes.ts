/**
 * Self-service watchlists: the holder of an API key creates, lists, reads and deletes their own. Another
 * key's watchlist, or one made from the CLI, answers 404 like a missing one, so ids cannot be probed.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { WatchFilter, Watchlist } from "../../../model/index.js";
import {
  checkTarget,
  createWatchlist,
  DEFAULT_WATCH_FILTER,
  InvalidTargetError,
  InvalidWatchlistError,
  watchlistFeedUrl,
} from "../../../notify/index.js";
import { findPlatform } from "../../../store/queries/index.js";
import type { ServerDeps } from "../../deps.js";
import { badRequest, HttpError, notFound } from "../../http-errors.js";
import { BEARER_SCHEME, type KeyEnv, requireApiKey } from "../api-key-auth.js";
import { limitWrites } from "../rate-limit.js";
import { keyedCreated, keyedNoContent, keyedOk } from "../responses.js";
import { IdPath, NewWatchlistSchema, single, WatchlistInputSchema, WatchlistSchema } from "../schemas.js";

type WatchlistDto = z.infer<typeof WatchlistSchema>;
type WatchlistInputBody = z.infer<typeof WatchlistInputSchema>;

const TAGS = ["Watchlists"];
const security = [{ [BEARER_SCHEME]: [] }];
const INVALID_BODY = "Invalid body parameters";
/** Far above any real watchlist (the schema caps every list), far below what would cost memory. */
const MAX_BODY_BYTES = 64 * 1024;

/** A watchlist as the API shows it: never its secret, which only the creation response carries. */
async function watchlistDto(deps: ServerDeps, w: Watchlist): Promise<WatchlistDto> {
  const { secret: _secret, ownerKeyId: _owner, ...shown } = w;
  return { ...shown, alerts: await deps.store.alerts.counts(w.id) };
}

function filterOf(body: WatchlistInputBody): WatchFilter {
  const f = body.filter ?? {};
  return {
    platforms: f.platforms ?? [],
    termsTypes: f.termsTypes ?? [],
    clauseTypes: f.clauseTypes ?? [],
    kinds: f.kinds ?? DEFAULT_WATCH_FILTER.kinds,
    minSeverity: f.minSeverity ?? DEFAULT_WATCH_FILTER.minSeverity,
  };
}

/**
 * What the schema cannot know, all at once: clause types missing from the taxonomy, and a target unfit for
 * its channel (the checks `watch add` makes).
 */
function inputProblems(deps: ServerDeps, body: WatchlistInputBody, filter: WatchFilter): string[] {
  const problems = filter.clauseTypes.flatMap((id, i) =>
    deps.knowledge.byId.has(id)
      ? []
      : [`filter.clauseTypes.${i}: unknown clause type ${id} (see /api/v1/clause-types)`],
  );
  try {
    checkTarget(body.channel, body.target ?? null);
  } catch (error) {
    if (!(error instanceof InvalidTargetError)) throw error;
    problems.push(`target: ${error.message}`);
  }
  return problems;
}

/** Registers the keyed watchlist routes, each behind the API key guard (and the write limit for writes). */
export function registerWatchlistRoutes(api: OpenAPIHono, deps: ServerDeps): void {
  const keyed = requireApiKey(deps);
  const limited = limitWrites(deps.now);
  // Typed like the guards before it, so that the handler still sees the key they set.
  const capped = createMiddleware<KeyEnv>(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HttpError(413, "Request body too large", [`body: at most ${MAX_BODY_BYTES} bytes`]);
      },
    }),
  );
  // Tuples, not arrays: the route's handler then knows what the guards put in its context.
  const deleteGuards: [typeof keyed, typeof limited] = [keyed, limited];
  const createGuards: [typeof keyed, typeof limited, typeof capped] = [keyed, limited, capped];

  const list = createRoute({
    method: "get",
    path: "/v1/watchlists",
    tags: TAGS,
    summary: "Your watchlists, with their alerts delivered, pending and failing",
    security,
    middleware: keyed,
    responses: keyedOk(single(z.array(WatchlistSchema)), "The watchlists created with this key"),
  });

  const create = createRoute({
    method: "post",
    path: "/v1/watchlists",
    tags: TAGS,
    summary: "Create a watchlist; it alerts on changes recorded from now on",
    security,
    middleware: createGuards,
    request: {
      body: { required: true, content: { "application/json": { schema: WatchlistInputSchema } } },
    },
    responses: keyedCreated(
      single(NewWatchlistSchema),
      "The watchlist, with its webhook secret or feed URL: shown this once",
    ),
  });

  const one = createRoute({
    method: "get",
    path: "/v1/watchlists/{id}",
    tags: TAGS,
    summary: "One of your watchlists",
    security,
    middleware: keyed,
    request: { params: IdPath },
    responses: keyedOk(single(WatchlistSchema), "The watchlist"),
  });

  const remove = createRoute({
    method: "delete",
    path: "/v1/watchlists/{id}",
    tags: TAGS,
    summary: "Delete one of your watchlists and its alerts",
    security,
    middleware: deleteGuards,
    request: { params: IdPath },
    responses: keyedNoContent("Deleted"),
  });

  api.openapi(list, async (c) => {
    const own = await deps.store.watchlists.list(c.get("apiKey").id);
    const data: WatchlistDto[] = [];
    for (const w of own) data.push(await watchlistDto(deps, w));
    return c.json({ data }, 200);
  });

  api.openapi(create, async (c) => {
    const body = c.req.valid("json");
    const filter = filterOf(body);
    const problems = inputProblems(deps, body, filter);
    if (problems.length > 0) throw badRequest(INVALID_BODY, problems);
    let watchlist: Watchlist;
    try {
      watchlist = await createWatchlist(
        deps.store,
        {
          name: body.name,
          channel: body.channel,
          target: body.target ?? null,
          cadence: body.cadence ?? "immediate",
          filter,
        },
        {
          now: deps.now().toISOString(),
          ownerKeyId: c.get("apiKey").id,
          allowPrivateNetwork: deps.allowPrivateNetwork,
        },
      );
    } catch (error) {
      // The schema has checked the name and kinds: what is left to refuse is the webhook's address.
      if (error instanceof InvalidTargetError) throw badRequest(INVALID_BODY, [`target: ${error.message}`]);
      if (error instanceof InvalidWatchlistError) throw badRequest(INVALID_BODY, [error.message]);
      throw error;
    }
    const notes: string[] = [];
    for (const slug of filter.platforms)
      if (!(await findPlatform(deps.src, slug)))
        notes.push(`no platform "${slug}" is tracked yet; the watchlist will wait for it`);
    const data = {
      ...(await watchlistDto(deps, watchlist)),
      secret: watchlist.channel === "webhook" ? watchlist.secret : null,
      feedUrl: watchlist.channel === "atom" ? watchlistFeedUrl(origin(deps, c), watchlist) : null,
      notes,
    };
    c.header("location", `/api/v1/watchlists/${watchlist.id}`);
    return c.json({ data }, 201);
  });

  api.openapi(one, async (c) => {
    const id = Number(c.req.valid("param").id);
    const watchlist = await deps.store.watchlists.get(id, c.get("apiKey").id);
    if (!watchlist) throw notFound(`Watchlist ${id}`);
    return c.json({ data: await watchlistDto(deps, watchlist) }, 200);
  });

  api.openapi(remove, async (c) => {
    const id = Number(c.req.valid("param").id);
    if (!(await deps.store.watchlists.remove(id, c.get("apiKey").id))) throw notFound(`Watchlist ${id}`);
    return c.body(null, 204);
  });
}

/** Where feed URLs point: the configured public origin, else the request's own. */
function origin(deps: ServerDeps, c: Context): string {
  return deps.publicUrl ?? new URL(c.req.url).origin;
}
