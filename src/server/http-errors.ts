/** Errors a request can end with; pages render them as HTML, the API as JSON. */

/** The client errors a request can end with. */
export type ClientErrorStatus = 400 | 401 | 404 | 413 | 415 | 429;

/**
 * A request the server understood but cannot answer as asked: wrong parameter (400), no or a bad API key
 * (401), no such record (404), a body too large (413) or not JSON (415), too many writes (429).
 */
export class HttpError extends Error {
  constructor(
    readonly status: ClientErrorStatus,
    message: string,
    /** One line per problem (e.g. one per invalid query parameter). */
    readonly details: string[] = [],
    /** Headers the error response must carry (`WWW-Authenticate`, `Retry-After`). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export function notFound(what: string): HttpError {
  return new HttpError(404, `${what} not found`);
}

export function badRequest(message: string, details: string[] = []): HttpError {
  return new HttpError(400, message, details);
}

/**
 * 401 with the challenge of RFC 6750: no credentials get the bare challenge, a key that does not work gets
 * `error="invalid_token"` (the same for unknown and revoked keys: nothing tells which).
 */
export function unauthorized(presented: boolean): HttpError {
  const challenge = `Bearer realm="ClauseWatch API"${presented ? ', error="invalid_token"' : ""}`;
  return new HttpError(
    401,
    presented ? "Invalid API key" : "API key required",
    [
      presented
        ? "authorization: the key is unknown or revoked"
        : "authorization: send Authorization: Bearer <API key>",
    ],
    { "www-authenticate": challenge },
  );
}

/** 429 with `Retry-After`: the caller may write again in that many seconds. */
export function tooManyRequests(retryAfterSeconds: number): HttpError {
  return new HttpError(
    429,
    "Too many requests",
    [`retry after ${retryAfterSeconds} s: writes are rate-limited per API key`],
    { "retry-after": String(retryAfterSeconds) },
  );
}
