/** The API key guard of the watchlist routes: `Authorization: Bearer <key>`, checked on every request. */
import { createMiddleware } from "hono/factory";
import { authenticateApiKey } from "../../access/index.js";
import type { ApiKey } from "../../model/index.js";
import type { ServerDeps } from "../deps.js";
import { unauthorized } from "../http-errors.js";

/** What the guard gives the handlers after it: the caller's key. */
export interface KeyEnv {
  Variables: { apiKey: ApiKey };
}

/** The name of the bearer scheme in the OpenAPI document. */
export const BEARER_SCHEME = "apiKey";

const BEARER = /^Bearer +([^\s]+) *$/i;

/**
 * Authenticates the caller before anything else about the request is looked at (a body is not validated
 * for someone without a key), and marks the answer `no-store`: it may carry secrets.
 */
export function requireApiKey(deps: ServerDeps) {
  return createMiddleware<KeyEnv>(async (c, next) => {
    const header = c.req.header("authorization");
    const presented = header === undefined ? undefined : BEARER.exec(header)?.[1];
    if (presented === undefined) throw unauthorized(header !== undefined);
    const key = await authenticateApiKey(deps.store, presented, deps.now().toISOString());
    if (!key) throw unauthorized(true);
    c.set("apiKey", key);
    await next();
    c.res.headers.set("cache-control", "no-store");
  });
}
