/**
 * Captures a page rendered by headless Chromium, for documents that scripts build.
 *
 * Chromium never reaches the network itself. The main document is fetched first by our own HTTP client
 * (redirects, retries and the SSRF guard as for plain HTTP) and handed to the page; every other request the
 * page makes is intercepted and performed by the same guarded client, redirects included, then fulfilled.
 * Chromium's own traffic is pointed at a dead proxy (see `browser-pool.ts`): Playwright does not intercept
 * the target of a fulfilled redirect, so without it such a request would escape the guard.
 */

import type { BrowserContext, Page, Route } from "playwright-core";
import type { Agent } from "undici";
import { getBrowser } from "./browser-pool.js";
import { findChromium } from "./chromium-path.js";
import { toFetchError } from "./error-mapping.js";
import { BrowserError, FetchDocumentError, PrivateNetworkError, TimeoutError } from "./errors.js";
import type { ResolvedFetchOptions } from "./fetch-options.js";
import type { FetchResult } from "./fetch-result.js";
import { createGuardedAgent } from "./guarded-agent.js";
import { fetchHttp, policyFor, requestHeaders } from "./http-fetch.js";
import { exchange } from "./http-request.js";
import type { NetworkPolicy } from "./network-policy.js";
import { followRedirects, isRedirectStatus } from "./redirects.js";
import { withRetries } from "./retry.js";

// Rendering text needs neither pictures, sound nor fonts; skipping them is faster and exposes less.
const SKIPPED_RESOURCES = new Set(["image", "media", "font"]);

// Headers that describe a transport or an encoding already removed from the body we hand over.
const DROPPED_RESPONSE_HEADERS = [
  "content-encoding",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
];
const DROPPED_REQUEST_HEADERS = [
  "host",
  "connection",
  "content-length",
  "accept-encoding",
  "transfer-encoding",
];

const RENDERABLE = new Set(["text/html", "application/xhtml+xml"]);

/** Everything one capture's route handler needs and records. */
interface CaptureSession {
  page: Page;
  policy: NetworkPolicy;
  dispatcher: Agent;
  options: ResolvedFetchOptions;
  /** The already-fetched main document, served once to the page's first navigation. */
  mainDocument: FetchResult | null;
}

function withoutFragment(url: string): string {
  const parsed = new URL(url);
  parsed.hash = "";
  return parsed.href;
}

function responseHeadersForPage(headers: Record<string, string>): Record<string, string> {
  const copy = { ...headers };
  for (const name of DROPPED_RESPONSE_HEADERS) delete copy[name];
  return copy;
}

async function abortQuietly(route: Route, reason: "blockedbyclient" | "timedout" | "failed"): Promise<void> {
  // The page may already be closed (capture finished or timed out); then there is nothing to abort.
  await route.abort(reason).catch(() => undefined);
}

async function handleRoute(route: Route, session: CaptureSession): Promise<void> {
  const request = route.request();
  const main = session.mainDocument;
  if (main && request.isNavigationRequest() && withoutFragment(request.url()) === withoutFragment(main.url)) {
    session.mainDocument = null;
    await route
      .fulfill({
        status: main.status,
        headers: responseHeadersForPage(main.headers),
        body: Buffer.from(main.bytes),
      })
      .catch(() => undefined);
    return;
  }
  if (SKIPPED_RESOURCES.has(request.resourceType())) return abortQuietly(route, "blockedbyclient");
  let target: URL;
  try {
    target = new URL(request.url());
  } catch {
    return abortQuietly(route, "blockedbyclient");
  }
  if (target.protocol !== "http:" && target.protocol !== "https:")
    return abortQuietly(route, "blockedbyclient");
  const { options } = session;
  try {
    const headers = { ...requestHeaders(options), ...(await request.allHeaders()) };
    for (const name of DROPPED_REQUEST_HEADERS) delete headers[name];
    headers["accept-encoding"] = "gzip, deflate, br";
    let method = request.method();
    let body = request.postDataBuffer();
    const { response } = await followRedirects(target, options.maxRedirects, async (hop) => {
      const result = await exchange(hop, {
        dispatcher: session.dispatcher,
        policy: session.policy,
        timeoutMs: options.timeoutMs,
        maxBytes: options.maxBytes,
        headers,
        method,
        body,
        readBody: (status) => !isRedirectStatus(status),
        signal: options.signal,
      });
      // Like browsers: after a 301/302 on POST and after any 303, the next hop is a GET without body.
      if (result.status === 303 || ((result.status === 301 || result.status === 302) && method === "POST")) {
        method = "GET";
        body = null;
      }
      return result;
    });
    await route.fulfill({
      status: response.status,
      headers: responseHeadersForPage(response.headers),
      body: Buffer.from(response.bytes ?? []),
    });
  } catch (error) {
    const mapped = toFetchError(error, target.href, options.timeoutMs);
    await abortQuietly(
      route,
      mapped instanceof PrivateNetworkError
        ? "blockedbyclient"
        : mapped instanceof TimeoutError
          ? "timedout"
          : "failed",
    );
  }
}

/**
 * Waits, within one deadline, for the page to be worth serialising: the selector when one is declared,
 * else the load event and then network idle. Pages with beacons or long polling never go idle and a slow
 * tracker can hold back "load"; what is rendered by the deadline is kept in both cases.
 */
async function waitForContent(
  page: Page,
  url: string,
  options: ResolvedFetchOptions,
  deadline: number,
): Promise<void> {
  const remaining = (): number => Math.max(1, deadline - Date.now());
  if (options.waitForSelector) {
    try {
      await page.waitForSelector(options.waitForSelector, { state: "attached", timeout: remaining() });
    } catch (error) {
      const detail = `the selector ${JSON.stringify(options.waitForSelector)} did not appear within ${options.timeoutMs} ms`;
      throw new BrowserError(url, detail, true, { cause: error });
    }
    return;
  }
  await page.waitForLoadState("load", { timeout: remaining() }).catch(() => undefined);
  await page.waitForLoadState("networkidle", { timeout: remaining() }).catch(() => undefined);
}

function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split("\n")[0] ?? error.name) : String(error);
}

async function render(
  main: FetchResult,
  options: ResolvedFetchOptions,
  executablePath: string,
): Promise<FetchResult> {
  let browser: Awaited<ReturnType<typeof getBrowser>>;
  try {
    browser = await getBrowser(executablePath);
  } catch (error) {
    throw new BrowserError(main.url, `Chromium did not start (${firstLine(error)})`, false, { cause: error });
  }
  const policy = policyFor(options);
  const dispatcher = createGuardedAgent(policy, options.timeoutMs);
  let context: BrowserContext | undefined;
  try {
    const language = options.headers["accept-language"]?.split(",")[0]?.trim();
    context = await browser.newContext({
      userAgent: options.userAgent,
      serviceWorkers: "block",
      acceptDownloads: false,
      ...(language ? { locale: language } : {}),
    });
    const page = await context.newPage();
    const session: CaptureSession = { page, policy, dispatcher, options, mainDocument: main };
    // A document capture needs no WebSocket; closing them keeps their connections out of reach entirely.
    await context.routeWebSocket(/.*/, (socket) => socket.close());
    await context.route("**/*", (route) => handleRoute(route, session));
    const deadline = Date.now() + options.timeoutMs;
    try {
      await page.goto(main.url, { waitUntil: "domcontentloaded", timeout: options.timeoutMs });
    } catch (error) {
      if (error instanceof Error && error.name === "TimeoutError") {
        throw new TimeoutError(main.url, options.timeoutMs, { cause: error });
      }
      throw new BrowserError(main.url, firstLine(error), true, { cause: error });
    }
    await waitForContent(page, main.url, options, deadline);
    const bytes = new TextEncoder().encode(await page.content());
    return {
      ...main,
      bytes,
      mimeType: "text/html",
      method: "browser",
      charset: "utf-8",
      contentEncoding: null,
    };
  } catch (error) {
    if (error instanceof FetchDocumentError) throw error;
    if (options.signal?.aborted) throw options.signal.reason;
    throw new BrowserError(main.url, firstLine(error), true, { cause: error });
  } finally {
    await context?.close().catch(() => undefined);
    await dispatcher.destroy().catch(() => undefined);
  }
}

/**
 * Fetches `url` with the guarded HTTP client, then renders it in headless Chromium and returns the
 * serialised DOM (UTF-8 HTML) with the provenance of the HTTP response (final URL, status, headers,
 * redirects). A response that is not HTML (e.g. a PDF) is returned as fetched, with method "http".
 */
export async function fetchWithBrowser(
  requestedUrl: string,
  url: URL,
  options: ResolvedFetchOptions,
): Promise<FetchResult> {
  const executablePath = options.browserPath ?? findChromium();
  if (executablePath === null) {
    throw new BrowserError(url.href, "no Chromium found on PATH (install it or set browserPath)", false);
  }
  const main = await fetchHttp(requestedUrl, url, options);
  if (!RENDERABLE.has(main.mimeType)) return main;
  return withRetries(() => render(main, options, executablePath), {
    retries: options.retries,
    backoffMs: options.backoffMs,
    maxRetryAfterMs: options.maxRetryAfterMs,
    signal: options.signal,
  });
}
