/**
 * One HTTP exchange, no redirect following: SSRF check of the host, a single deadline covering connect,
 * headers and body, and a capped, decoded body.
 */
import type { Readable } from "node:stream";
import { type Dispatcher, request } from "undici";
import { readCappedBody } from "./body-reader.js";
import { toFetchError } from "./error-mapping.js";
import { ContentTooLargeError, TimeoutError } from "./errors.js";
import type { NetworkPolicy } from "./network-policy.js";

/** A response with its body read (or skipped). */
export interface HttpExchange {
  url: string;
  status: number;
  /** Lower-cased names; repeated headers joined with ", " (Set-Cookie with "\n", as commas occur in it). */
  headers: Record<string, string>;
  /** Null when the body was not wanted (see `readBody`). */
  bytes: Uint8Array | null;
  contentEncoding: string | null;
  /** ISO time the response headers arrived. */
  receivedAt: string;
}

/** Settings of {@link exchange}. */
export interface ExchangeSettings {
  dispatcher: Dispatcher;
  policy: NetworkPolicy;
  timeoutMs: number;
  maxBytes: number;
  headers: Record<string, string>;
  method?: string;
  body?: Uint8Array | null;
  /** Whether to read the body for this status; unread bodies are discarded. */
  readBody: (status: number) => boolean;
  signal?: AbortSignal | undefined;
}

/** Drops a body we will not read; the error listener keeps the resulting abort from surfacing as a crash. */
function discard(body: Readable): void {
  body.on("error", () => undefined);
  body.destroy();
}

function normaliseHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    headers[key] = Array.isArray(value) ? value.join(key === "set-cookie" ? "\n" : ", ") : value;
  }
  return headers;
}

/** Performs one request to `url`; throws `FetchDocumentError`s only (never for an HTTP status). */
export async function exchange(url: URL, settings: ExchangeSettings): Promise<HttpExchange> {
  const href = url.href;
  const controller = new AbortController();
  const deadline = setTimeout(
    () => controller.abort(new TimeoutError(href, settings.timeoutMs)),
    settings.timeoutMs,
  );
  const onCallerAbort = (): void => controller.abort(settings.signal?.reason);
  settings.signal?.addEventListener("abort", onCallerAbort, { once: true });
  try {
    settings.signal?.throwIfAborted();
    settings.policy.checkHost(url.hostname);
    const response = await request(url, {
      dispatcher: settings.dispatcher,
      method: (settings.method ?? "GET") as Dispatcher.HttpMethod,
      headers: settings.headers,
      body: settings.body ? Buffer.from(settings.body) : null,
      signal: controller.signal,
    });
    const receivedAt = new Date().toISOString();
    const headers = normaliseHeaders(response.headers);
    const body = response.body as unknown as Readable;
    if (!settings.readBody(response.statusCode)) {
      // Small bodies (redirects, error pages) are drained so the connection can serve the next hop.
      await response.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
      return {
        url: href,
        status: response.statusCode,
        headers,
        bytes: null,
        contentEncoding: null,
        receivedAt,
      };
    }
    const declaredLength = Number(headers["content-length"]);
    // A declared length over the cap is refused before reading; compressed lengths are checked while reading.
    if (
      !headers["content-encoding"] &&
      Number.isFinite(declaredLength) &&
      declaredLength > settings.maxBytes
    ) {
      discard(body);
      throw new ContentTooLargeError(href, settings.maxBytes);
    }
    const decoded = await readCappedBody(body, href, settings.maxBytes, headers["content-encoding"]);
    return { url: href, status: response.statusCode, headers, receivedAt, ...decoded };
  } catch (error) {
    if (settings.signal?.aborted) throw settings.signal.reason;
    if (controller.signal.reason instanceof TimeoutError) throw controller.signal.reason;
    throw toFetchError(error, href, settings.timeoutMs);
  } finally {
    clearTimeout(deadline);
    settings.signal?.removeEventListener("abort", onCallerAbort);
  }
}
