/**
 * Response compression with the behaviour of hono's `compress()` (gzip or deflate as the client accepts, any
 * compressible type, `Vary: Accept-Encoding`), except that the Vary header is set on the response's own
 * headers. hono sets it with `c.header`, which rebuilds a finished response around its body as a stream:
 * every page then paid for re-encoding and streaming its HTML, even for clients that accept no compression.
 */
import type { MiddlewareHandler } from "hono";
import { parseAccept } from "hono/utils/accept";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/utils/compress";

const ENCODINGS = ["gzip", "deflate"] as const;
/** Below this declared length compression is not worth it (most responses declare none). */
const THRESHOLD = 1024;
const NO_TRANSFORM = /(?:^|,)\s*?no-transform\s*?(?:,|$)/i;
const VARIES_BY_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;

/** The preferred encoding the client accepts (an exact q=1 wins at once, else the highest q). */
function selectEncoding(header: string | undefined): (typeof ENCODINGS)[number] | undefined {
  if (header === undefined) return undefined;
  const accepts = parseAccept(header);
  const wildcard = accepts.find((a) => a.type === "*")?.q;
  let best: { encoding: (typeof ENCODINGS)[number]; q: number } | undefined;
  for (const encoding of ENCODINGS) {
    const q = accepts.find((a) => a.type.toLowerCase() === encoding)?.q ?? wildcard ?? 0;
    if (q === 1) return encoding;
    if (q > 0 && (!best || q > best.q)) best = { encoding, q };
  }
  return best?.encoding;
}

export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    const length = headers.get("Content-Length");
    const type = headers.get("Content-Type");
    if (
      c.res.status === 206 ||
      headers.has("Content-Encoding") ||
      headers.has("Transfer-Encoding") ||
      c.req.method === "HEAD" ||
      (length && Number(length) < THRESHOLD) ||
      !type ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      NO_TRANSFORM.test(headers.get("Cache-Control") ?? "")
    )
      return;
    const vary = headers.get("Vary");
    if (vary !== "*" && !(vary && VARIES_BY_ENCODING.test(vary)))
      headers.set("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    const encoding = selectEncoding(c.req.header("Accept-Encoding"));
    if (!encoding || !c.res.body) return;
    c.res = new Response(c.res.body.pipeThrough(new CompressionStream(encoding)), c.res);
    c.res.headers.delete("Content-Length");
    c.res.headers.set("Content-Encoding", encoding);
    const etag = c.res.headers.get("ETag");
    if (etag && !etag.startsWith("W/")) c.res.headers.set("ETag", `W/${etag}`);
  };
}
