/** Fetches a document over HTTP(S): redirects followed by hand (each hop re-checked), retries, provenance. */
import type { Agent } from "undici";
import { detectCharset } from "./charset.js";
import { HttpError } from "./errors.js";
import type { ResolvedFetchOptions } from "./fetch-options.js";
import type { FetchResult } from "./fetch-result.js";
import { createGuardedAgent } from "./guarded-agent.js";
import { exchange, type HttpExchange } from "./http-request.js";
import { determineMimeType } from "./mime-type.js";
import { createNetworkPolicy, type NetworkPolicy } from "./network-policy.js";
import { followRedirects, isRedirectStatus } from "./redirects.js";
import { parseRetryAfter, withRetries } from "./retry.js";

const DEFAULT_ACCEPT =
  "text/html,application/xhtml+xml,application/xml;q=0.9,application/pdf;q=0.8,text/plain;q=0.8,*/*;q=0.5";

/** Request headers shared by every hop: ours first, the caller's extra headers override them. */
export function requestHeaders(options: ResolvedFetchOptions): Record<string, string> {
  return {
    "user-agent": options.userAgent,
    accept: DEFAULT_ACCEPT,
    "accept-encoding": "gzip, deflate, br",
    ...options.headers,
  };
}

/** The SSRF policy an options object asks for. */
export function policyFor(options: ResolvedFetchOptions): NetworkPolicy {
  return createNetworkPolicy({
    allowPrivateNetwork: options.allowPrivateNetwork,
    ...(options.isAddressAllowed ? { isAddressAllowed: options.isAddressAllowed } : {}),
  });
}

/** One hop with retries; statuses other than 2xx and followable redirects become `HttpError`s. */
function retryingHop(
  options: ResolvedFetchOptions,
  policy: NetworkPolicy,
  dispatcher: Agent,
): (url: URL) => Promise<HttpExchange> {
  return (url) =>
    withRetries(
      async () => {
        const response = await exchange(url, {
          dispatcher,
          policy,
          timeoutMs: options.timeoutMs,
          maxBytes: options.maxBytes,
          headers: requestHeaders(options),
          readBody: (status) => status >= 200 && status < 300,
          signal: options.signal,
        });
        const followable = isRedirectStatus(response.status) && response.headers.location !== undefined;
        if (!followable && (response.status < 200 || response.status >= 300)) {
          throw new HttpError(
            response.url,
            response.status,
            parseRetryAfter(response.headers["retry-after"]),
          );
        }
        return response;
      },
      {
        retries: options.retries,
        backoffMs: options.backoffMs,
        maxRetryAfterMs: options.maxRetryAfterMs,
        signal: options.signal,
      },
    );
}

/** Fetches `url` (already parsed and known to be http or https). */
export async function fetchHttp(
  requestedUrl: string,
  url: URL,
  options: ResolvedFetchOptions,
): Promise<FetchResult> {
  const policy = policyFor(options);
  const dispatcher = createGuardedAgent(policy, options.timeoutMs);
  try {
    const { response, redirects } = await followRedirects(
      url,
      options.maxRedirects,
      retryingHop(options, policy, dispatcher),
    );
    const bytes = response.bytes ?? new Uint8Array(0);
    const contentType = response.headers["content-type"] ?? null;
    const mimeType = determineMimeType({ bytes, contentType });
    return {
      bytes,
      url: response.url,
      requestedUrl,
      status: response.status,
      headers: response.headers,
      mimeType,
      contentType,
      capturedAt: response.receivedAt,
      method: "http",
      redirects,
      charset: detectCharset(bytes, contentType, mimeType),
      contentEncoding: response.contentEncoding,
    };
  } finally {
    await dispatcher.destroy().catch(() => undefined);
  }
}
