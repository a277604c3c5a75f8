/**
 * Errors of the fetch stage. Every error says whether trying again later may succeed (`mayBeTransient`),
 * so the scheduler can decide between a retry and recording a lasting failure on the document.
 */

/** Stable machine-readable identifiers of fetch failures. */
export type FetchErrorCode =
  | "HTTP_ERROR"
  | "TIMEOUT"
  | "NETWORK_ERROR"
  | "CONTENT_TOO_LARGE"
  | "REDIRECT_LOOP"
  | "TOO_MANY_REDIRECTS"
  | "PRIVATE_NETWORK"
  | "INVALID_URL"
  | "BROWSER_ERROR"
  | "FILE_READ_ERROR"
  | "LOCAL_FILE_REFUSED";

/** Base of every fetch failure. */
export class FetchDocumentError extends Error {
  /** True when the same request may succeed later (network trouble, overload); false for lasting causes. */
  readonly mayBeTransient: boolean;
  readonly code: FetchErrorCode;
  /** The URL (or file location) being fetched when the failure happened. */
  readonly url: string;

  constructor(
    code: FetchErrorCode,
    message: string,
    url: string,
    mayBeTransient: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.url = url;
    this.mayBeTransient = mayBeTransient;
  }
}

/** HTTP statuses worth retrying: timeouts, "too early", rate limiting and server-side failures. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** The server answered with a status that is not a success (and not a followed redirect). */
export class HttpError extends FetchDocumentError {
  readonly status: number;
  /** Delay the server asked for (Retry-After), in milliseconds, when it gave one. */
  readonly retryAfterMs: number | null;

  constructor(url: string, status: number, retryAfterMs: number | null = null) {
    super("HTTP_ERROR", `The server answered ${status} for ${url}.`, url, isTransientStatus(status));
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/** No complete answer arrived within the time limit (connecting, waiting for headers or reading the body). */
export class TimeoutError extends FetchDocumentError {
  readonly timeoutMs: number;

  constructor(url: string, timeoutMs: number, options?: { cause?: unknown }) {
    super("TIMEOUT", `No complete answer from ${url} within ${timeoutMs} ms.`, url, true, options);
    this.timeoutMs = timeoutMs;
  }
}

/** The connection failed: DNS failure, refused, reset, unreachable, or a TLS problem. */
export class NetworkError extends FetchDocumentError {
  /** The system or library error code, e.g. `ECONNREFUSED`, `ENOTFOUND`, `CERT_HAS_EXPIRED`. */
  readonly systemCode: string | null;

  constructor(
    url: string,
    detail: string,
    systemCode: string | null,
    mayBeTransient: boolean,
    options?: { cause?: unknown },
  ) {
    super("NETWORK_ERROR", `Could not reach ${url}: ${detail}.`, url, mayBeTransient, options);
    this.systemCode = systemCode;
  }
}

/** The document is larger than the configured cap; reading stopped at the cap. */
export class ContentTooLargeError extends FetchDocumentError {
  readonly maxBytes: number;

  constructor(url: string, maxBytes: number) {
    super(
      "CONTENT_TOO_LARGE",
      `The document at ${url} is larger than the ${maxBytes}-byte limit.`,
      url,
      false,
    );
    this.maxBytes = maxBytes;
  }
}

/** A redirect led back to a URL already visited in the same fetch. */
export class RedirectLoopError extends FetchDocumentError {
  readonly redirects: string[];

  constructor(url: string, redirects: string[]) {
    super("REDIRECT_LOOP", `Redirects from ${redirects[0] ?? url} loop back to ${url}.`, url, false);
    this.redirects = redirects;
  }
}

/** More redirects than allowed. */
export class TooManyRedirectsError extends FetchDocumentError {
  readonly redirects: string[];

  constructor(url: string, maxRedirects: number, redirects: string[]) {
    super(
      "TOO_MANY_REDIRECTS",
      `More than ${maxRedirects} redirects starting from ${redirects[0] ?? url}.`,
      url,
      false,
    );
    this.redirects = redirects;
  }
}

/** The target is (or resolves to) a loopback, private, link-local or otherwise non-public address. */
export class PrivateNetworkError extends FetchDocumentError {
  /** The host name or address that was refused. */
  readonly host: string;
  /** The refused address when known, with the reason it is not public. */
  readonly address: string | null;

  constructor(url: string, host: string, address: string | null, reason: string) {
    const where = address && address !== host ? `${host} (${address})` : host;
    super(
      "PRIVATE_NETWORK",
      `Refused to fetch ${url}: ${where} is ${reason}, not a public Internet address.`,
      url,
      false,
    );
    this.host = host;
    this.address = address;
  }
}

/** The location is not a usable http(s) URL or local file path, or a redirect went to a forbidden scheme. */
export class InvalidUrlError extends FetchDocumentError {
  constructor(url: string, detail: string) {
    super("INVALID_URL", `Cannot fetch ${JSON.stringify(url)}: ${detail}.`, url, false);
  }
}

/** The headless browser could not be started or could not render the page. */
export class BrowserError extends FetchDocumentError {
  constructor(url: string, detail: string, mayBeTransient: boolean, options?: { cause?: unknown }) {
    super("BROWSER_ERROR", `The browser could not capture ${url}: ${detail}.`, url, mayBeTransient, options);
  }
}

/** A local file could not be read. */
export class FileReadError extends FetchDocumentError {
  readonly systemCode: string | null;

  constructor(path: string, detail: string, systemCode: string | null, options?: { cause?: unknown }) {
    super("FILE_READ_ERROR", `Cannot read the file ${path}: ${detail}.`, path, false, options);
    this.systemCode = systemCode;
  }
}

/**
 * A local file (a path or a `file:` URL) was asked for where only network captures are allowed: a declaration's
 * `fetch` or `capture <url>` must not put the machine's own files into the public archive.
 */
export class LocalFileRefusedError extends FetchDocumentError {
  constructor(location: string) {
    super(
      "LOCAL_FILE_REFUSED",
      `Refused to read ${JSON.stringify(location)}: captures take only http: and https: URLs; a local file is captured only by the operator's explicit option (capture --file PATH, track --allow-local-files).`,
      location,
      false,
    );
  }
}
