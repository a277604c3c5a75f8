/** Options of `fetchDocument` and their defaults. */
import type { AddressPredicate } from "./network-policy.js";

/** How a document is fetched. Every field is optional; see {@link resolveFetchOptions} for defaults. */
export interface FetchOptions {
  /** Time limit of one request (connect, headers and whole body), or of one browser page load. Default 30 s. */
  timeoutMs?: number;
  /** Largest accepted document, after content decoding. Default 50 MB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** Extra attempts after a transient failure. Default 3. */
  retries?: number;
  /** Base delay of the exponential backoff between attempts (full jitter). Default 500 ms. */
  backoffMs?: number;
  /** Longest Retry-After honoured; a longer one ends the fetch with a transient `HttpError`. Default 30 s. */
  maxRetryAfterMs?: number;
  userAgent?: string;
  /** Extra request headers (e.g. `accept-language`). */
  headers?: Record<string, string>;
  /**
   * Allow loopback, private and other non-public addresses. Default false, or true when the environment
   * variable `CLAUSEWATCH_ALLOW_PRIVATE_NETWORK=1` is set.
   */
  allowPrivateNetwork?: boolean;
  /**
   * Replaces the default address rule (public addresses only, or all with `allowPrivateNetwork`).
   * For deployments with special networks and for tests of the guard. Added beyond the brief's interface.
   */
  isAddressAllowed?: AddressPredicate;
  /**
   * Read local paths and `file:` URLs. Default false: a location that names a local file is refused with a
   * `LocalFileRefusedError`, so only an operator's explicit option (never a declaration) reads the disk.
   */
  allowLocalFiles?: boolean;
  /** Render the page in headless Chromium (for documents that scripts build). */
  executeClientScripts?: boolean;
  /** With `executeClientScripts`: wait for this CSS selector instead of network idle. */
  waitForSelector?: string;
  /** Chromium executable. Default: `chromium` (or `chromium-browser`, `google-chrome`) found on PATH. */
  browserPath?: string;
  /** Cancels the fetch (including backoff waits). */
  signal?: AbortSignal;
}

/** {@link FetchOptions} with every default applied. */
export interface ResolvedFetchOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  retries: number;
  backoffMs: number;
  maxRetryAfterMs: number;
  userAgent: string;
  headers: Record<string, string>;
  allowPrivateNetwork: boolean;
  isAddressAllowed: AddressPredicate | undefined;
  allowLocalFiles: boolean;
  executeClientScripts: boolean;
  waitForSelector: string | undefined;
  browserPath: string | undefined;
  signal: AbortSignal | undefined;
}

/** Default User-Agent: says who we are, so site owners can recognise and contact the archive. */
export const DEFAULT_USER_AGENT = "ClauseWatch/0.1 (independent archive of privacy policies and terms)";

/** Applies defaults; reads `CLAUSEWATCH_ALLOW_PRIVATE_NETWORK` when `allowPrivateNetwork` is not given. */
export function resolveFetchOptions(options: FetchOptions = {}): ResolvedFetchOptions {
  const lowerCased: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) lowerCased[name.toLowerCase()] = value;
  return {
    timeoutMs: options.timeoutMs ?? 30_000,
    maxBytes: options.maxBytes ?? 50 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    retries: options.retries ?? 3,
    backoffMs: options.backoffMs ?? 500,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    headers: lowerCased,
    allowPrivateNetwork: options.allowPrivateNetwork ?? process.env.CLAUSEWATCH_ALLOW_PRIVATE_NETWORK === "1",
    isAddressAllowed: options.isAddressAllowed,
    allowLocalFiles: options.allowLocalFiles ?? false,
    executeClientScripts: options.executeClientScripts ?? false,
    waitForSelector: options.waitForSelector,
    browserPath: options.browserPath,
    signal: options.signal,
  };
}
