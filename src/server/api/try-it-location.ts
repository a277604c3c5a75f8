/**
 * Where a "Try it" form of the API docs page leads: a browser form cannot put its fields into a URL path,
 * and the page runs no script, so the form posts the path template and its fields here to be redirected.
 */
import { badRequest } from "../http-errors.js";
import type { OpenApiDocument } from "./create-api.js";

/** Prefix of the query fields that fill path parameters, e.g. `path.id` for `{id}`. */
export const PATH_FIELD = "path.";

/**
 * The API URL for `operation` (a path template of `doc` with a public GET) with its `{name}` parameters taken from
 * the `path.name` fields, each percent-encoded, and every other non-empty field kept as a query parameter.
 */
export function tryItLocation(doc: OpenApiDocument, base: string, fields: URLSearchParams): string {
  const template = fields.get("operation") ?? "";
  const item = doc.paths?.[template];
  // Only the public GETs the page offers: a keyed one would fail without the key a browser form cannot send.
  if (!item?.get || (item.get.security?.length ?? 0) > 0) {
    throw badRequest("Unknown public API operation", [`operation: ${JSON.stringify(template)}`]);
  }
  const missing: string[] = [];
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = fields.get(`${PATH_FIELD}${name}`) ?? "";
    if (value === "") missing.push(`${name}: required`);
    return encodeURIComponent(value);
  });
  if (missing.length > 0) throw badRequest("Missing path parameters", missing);
  const query = new URLSearchParams();
  for (const [key, value] of fields) {
    if (key !== "operation" && !key.startsWith(PATH_FIELD) && value !== "") query.append(key, value);
  }
  const search = query.toString();
  return `${base}${path}${search ? `?${search}` : ""}`;
}
