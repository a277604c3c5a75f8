/** Manual redirect following: every hop is a separate guarded request, loops and long chains are refused. */
import { InvalidUrlError, RedirectLoopError, TooManyRedirectsError } from "./errors.js";
import type { HttpExchange } from "./http-request.js";

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** True for the statuses that are followed when they carry a Location header. */
export function isRedirectStatus(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

/** URL identity for loop detection: fragments never reach the server. */
function withoutFragment(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = "";
  return copy.href;
}

/** Resolves a Location header against the current URL; only http(s) targets are followed. */
export function redirectTarget(current: URL, location: string): URL {
  let next: URL;
  try {
    next = new URL(location, current);
  } catch {
    throw new InvalidUrlError(location, `the redirect from ${current.href} points to an unreadable address`);
  }
  if (next.protocol !== "http:" && next.protocol !== "https:") {
    // A remote server must never make us read local files or use other schemes.
    throw new InvalidUrlError(next.href, `the redirect from ${current.href} leads to a ${next.protocol} URL`);
  }
  // Per the Fetch standard a redirect without a fragment keeps the original one.
  if (next.hash === "" && current.hash !== "") next.hash = current.hash;
  return next;
}

/** The final response and every URL that redirected on the way, in order. */
export interface RedirectOutcome {
  response: HttpExchange;
  redirects: string[];
}

/**
 * Requests `url` with `hop`, following redirects (each through `hop` again, so each target is checked by
 * the SSRF policy before and while connecting). Throws `RedirectLoopError` when a target was already
 * visited and `TooManyRedirectsError` past `maxRedirects`.
 */
export async function followRedirects(
  url: URL,
  maxRedirects: number,
  hop: (url: URL) => Promise<HttpExchange>,
): Promise<RedirectOutcome> {
  const redirects: string[] = [];
  const visited = new Set([withoutFragment(url)]);
  let current = url;
  for (;;) {
    const response = await hop(current);
    const location = response.headers.location;
    if (!isRedirectStatus(response.status) || location === undefined) return { response, redirects };
    const next = redirectTarget(current, location);
    redirects.push(current.href);
    if (visited.has(withoutFragment(next))) throw new RedirectLoopError(next.href, redirects);
    if (redirects.length > maxRedirects) throw new TooManyRedirectsError(next.href, maxRedirects, redirects);
    visited.add(withoutFragment(next));
    current = next;
  }
}
