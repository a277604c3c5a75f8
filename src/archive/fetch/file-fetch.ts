/** Reads a local document (HTML, Markdown, plain text, PDF) with the same result shape as a web capture. */
import { open } from "node:fs/promises";
import { detectCharset } from "./charset.js";
import { ContentTooLargeError, FileReadError } from "./errors.js";
import type { ResolvedFetchOptions } from "./fetch-options.js";
import type { FetchResult } from "./fetch-result.js";
import { determineMimeType } from "./mime-type.js";

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  ENOENT: "no such file (if you meant a web address, start it with https://)",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a directory",
  ENOTDIR: "a part of the path is not a directory",
};

/** Reads `path` (absolute) whose URL form is `url`. */
export async function fetchFile(
  requestedUrl: string,
  path: string,
  url: URL,
  options: ResolvedFetchOptions,
): Promise<FetchResult> {
  let bytes: Uint8Array;
  const capturedAt = new Date().toISOString();
  try {
    const handle = await open(path, "r");
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new FileReadError(path, "it is not a regular file", null);
      if (stat.size > options.maxBytes) throw new ContentTooLargeError(url.href, options.maxBytes);
      // Read at most one byte past the cap: a file growing while we read must not get past the limit.
      const buffer = Buffer.alloc(Math.min(stat.size, options.maxBytes) + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length === buffer.length) break;
      }
      if (length > options.maxBytes) throw new ContentTooLargeError(url.href, options.maxBytes);
      if (length > stat.size) throw new FileReadError(path, "the file grew while it was being read", null);
      bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof FileReadError || error instanceof ContentTooLargeError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? null;
    const detail = (code && DESCRIPTIONS[code]) ?? (error as Error).message;
    throw new FileReadError(path, detail, code, { cause: error });
  }
  const mimeType = determineMimeType({ bytes, path });
  return {
    bytes,
    url: url.href,
    requestedUrl,
    status: 200,
    headers: {},
    mimeType,
    contentType: null,
    capturedAt,
    method: "file",
    redirects: [],
    charset: detectCharset(bytes, null, mimeType),
    contentEncoding: null,
  };
}
