/** Errors a request can end with; pages render them as HTML, the API as JSON. */

/** A request the server understood but cannot answer as asked: wrong parameter (400) or no such record (404). */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
    /** One line per problem (e.g. one per invalid query parameter). */
    readonly details: string[] = [],
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
