/** Turns low-level errors (Node sockets, DNS, TLS, undici) into fetch-stage errors a person can read. */
import { FetchDocumentError, NetworkError, PrivateNetworkError, TimeoutError } from "./errors.js";
import { RefusedHostError } from "./network-policy.js";

const TIMEOUT_CODES = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "ETIMEDOUT",
]);

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: "the connection was refused",
  ECONNRESET: "the connection was reset",
  ENOTFOUND: "the host name was not found in DNS",
  EAI_AGAIN: "DNS lookup failed temporarily",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  EPIPE: "the connection was closed while sending",
  UND_ERR_SOCKET: "the connection closed unexpectedly",
  UND_ERR_CLOSED: "the connection closed unexpectedly",
};

function errorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : null;
}

/** The first error in a chain of causes / aggregated errors that matches `test`. */
function findInChain(error: unknown, test: (candidate: unknown) => boolean): unknown {
  const queue: unknown[] = [error];
  for (let i = 0; i < queue.length && i < 20; i++) {
    const candidate = queue[i];
    if (test(candidate)) return candidate;
    if (candidate instanceof AggregateError) queue.push(...candidate.errors);
    if (candidate instanceof Error && candidate.cause !== undefined) queue.push(candidate.cause);
  }
  return undefined;
}

function isTlsCode(code: string): boolean {
  return (
    code.startsWith("CERT_") ||
    code.startsWith("ERR_TLS_") ||
    code.startsWith("ERR_SSL_") ||
    code.includes("SELF_SIGNED") ||
    code.startsWith("UNABLE_TO_")
  );
}

/** Maps any error thrown while requesting `url` to a `FetchDocumentError` (already-mapped errors pass through). */
export function toFetchError(error: unknown, url: string, timeoutMs: number): FetchDocumentError {
  if (error instanceof FetchDocumentError) return error;
  const refused = findInChain(error, (candidate) => candidate instanceof RefusedHostError);
  if (refused instanceof RefusedHostError) {
    return new PrivateNetworkError(url, refused.host, refused.address, refused.reason);
  }
  const coded = findInChain(error, (candidate) => errorCode(candidate) !== null);
  const code = errorCode(coded);
  if (code !== null && TIMEOUT_CODES.has(code)) return new TimeoutError(url, timeoutMs, { cause: error });
  if (code !== null && isTlsCode(code)) {
    return new NetworkError(url, `TLS failure (${code})`, code, false, { cause: error });
  }
  const detail = (code && DESCRIPTIONS[code]) ?? (error instanceof Error ? error.message : String(error));
  return new NetworkError(url, code ? `${detail} (${code})` : detail, code, true, { cause: error });
}
