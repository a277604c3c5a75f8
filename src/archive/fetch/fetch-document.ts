/** The fetch stage's entry point: one location in, captured bytes with provenance out. */
import { fetchWithBrowser } from "./browser-fetch.js";
import { LocalFileRefusedError } from "./errors.js";
import type { FetchOptions } from "./fetch-options.js";
import { resolveFetchOptions } from "./fetch-options.js";
import type { FetchResult } from "./fetch-result.js";
import { fetchFile } from "./file-fetch.js";
import { fetchHttp } from "./http-fetch.js";
import { parseLocation } from "./location.js";

/**
 * Fetches a document: an `http(s)` URL (in headless Chromium when `executeClientScripts` is set), or, only
 * with `allowLocalFiles`, a `file:` URL or a local path (else a `LocalFileRefusedError`). Throws a
 * `FetchDocumentError` subclass on failure; `mayBeTransient` tells whether a later attempt may succeed. Local files are always read as they are (`executeClientScripts` is ignored).
 */
export async function fetchDocument(location: string, options?: FetchOptions): Promise<FetchResult> {
  const resolved = resolveFetchOptions(options);
  const parsed = parseLocation(location);
  if (parsed.kind === "file" && !resolved.allowLocalFiles) throw new LocalFileRefusedError(location);
  if (parsed.kind === "file") return fetchFile(location, parsed.path, parsed.url, resolved);
  if (resolved.executeClientScripts) return fetchWithBrowser(location, parsed.url, resolved);
  return fetchHttp(location, parsed.url, resolved);
}
