/** What one successful fetch returns. */

/** How the bytes were obtained (a subset of the archive's `CaptureMethod`). */
export type FetchMethod = "http" | "browser" | "file";

/** The captured document with its provenance. */
export interface FetchResult {
  /** Body bytes as served, after removing any content-coding (gzip, br, deflate); see `contentEncoding`. */
  bytes: Uint8Array;
  /** Final URL after redirects (a `file:` URL for local files). */
  url: string;
  /** The location as the caller gave it. */
  requestedUrl: string;
  /** HTTP status of the final response; 200 for a file that was read. */
  status: number;
  /** Response headers of the final response, names lower-cased (empty for files). */
  headers: Record<string, string>;
  /** Media type essence, lower-cased: from Content-Type, else from extension or sniffed bytes. */
  mimeType: string;
  /** The raw Content-Type header, null when absent. */
  contentType: string | null;
  /** ISO 8601 UTC time the final response's headers (or the file) were read. */
  capturedAt: string;
  method: FetchMethod;
  /** Every URL that answered with a redirect, in order (the requested URL first when it redirected). */
  redirects: string[];
  /** Character encoding label, lower-cased (BOM, header, meta tag, else detected); null for binary types. */
  charset: string | null;
  /** Content-coding removed from the body (e.g. "gzip"), null when the body was sent as is. */
  contentEncoding: string | null;
}
