/**
 * Cross-origin access to the API. Any site may call it, reads and watchlist writes alike, because nothing
 * ambient authenticates a request: there are no cookies, and `Access-Control-Allow-Credentials` is never
 * sent, so a browser attaches no credentials of its own to a cross-origin call. A write needs the API key in
 * an `Authorization` header that the calling page must set itself, and a page that holds the key can use it
 * from anywhere anyway. The preflight such a header triggers is answered here: without it, browsers would
 * refuse every keyed call from another origin.
 */
import type { MiddlewareHandler } from "hono";

/** How long a browser may reuse a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/** Answers preflights and marks every API response readable from any origin, without credentials. */
export function apiCors(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method")) {
      return c.body(null, 204, {
        "access-control-allow-origin": "*",
        "access-control-allow-methods": "GET, POST, DELETE",
        "access-control-allow-headers": "Authorization, Content-Type",
        "access-control-max-age": String(PREFLIGHT_MAX_AGE),
      });
    }
    await next();
    // Set on the response's own headers: `c.header` on a finished response would rebuild it around its body
    // as a stream.
    c.res.headers.set("access-control-allow-origin", "*");
    // Scripts may read what tells them to wait or to authenticate, and where the next CSV page is.
    c.res.headers.set("access-control-expose-headers", "Link, Location, Retry-After, WWW-Authenticate");
  };
}
