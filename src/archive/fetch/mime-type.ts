/** Media type of a document: from the Content-Type header, the file extension, or the bytes themselves. */
import { extname } from "node:path";

// Types that carry no information about the content: servers send them when they do not know.
const UNINFORMATIVE = new Set([
  "application/octet-stream",
  "application/unknown",
  "unknown/unknown",
  "binary/octet-stream",
  "application/x-unknown-content-type",
  "*/*",
]);

const BY_EXTENSION: Readonly<Record<string, string>> = {
  ".html": "text/html",
  ".htm": "text/html",
  ".xhtml": "application/xhtml+xml",
  ".md": "text/markdown",
  ".markdown": "text/markdown",
  ".txt": "text/plain",
  ".text": "text/plain",
  ".pdf": "application/pdf",
};

// Tag openings that the WHATWG MIME Sniffing standard treats as HTML signatures.
const HTML_SIGNATURES = [
  "<!doctype html",
  "<html",
  "<head",
  "<script",
  "<iframe",
  "<h1",
  "<div",
  "<font",
  "<table",
  "<a",
  "<style",
  "<title",
  "<b",
  "<body",
  "<br",
  "<p",
  "<!--",
];

const SNIFF_WINDOW = 1024;

/** The lower-cased `type/subtype` of a Content-Type value, or null when it is missing or malformed. */
export function mimeTypeFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const essence = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+*-]+$/.test(essence) ? essence : null;
}

/** Media type implied by a file name's extension, or null for unknown extensions. */
export function mimeTypeFromExtension(path: string): string | null {
  return BY_EXTENSION[extname(path).toLowerCase()] ?? null;
}

function startsWithPdfHeader(bytes: Uint8Array): boolean {
  return (
    Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 5)).toString("latin1") === "%PDF-"
  );
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  // PDF readers accept the header anywhere in the first 1024 bytes; some generators put junk before it.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_WINDOW));
  return head.indexOf("%PDF-", 0, "latin1") >= 0;
}

function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_WINDOW);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return false;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return false;
  for (let i = 0; i < end; i++) {
    const byte = bytes[i]!;
    if (byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f)) {
      return true;
    }
  }
  return false;
}

/** Guesses a media type from the first bytes: PDF, HTML, XML/XHTML, other binary, else plain text. */
export function sniffMimeType(bytes: Uint8Array): string {
  if (bytes.length === 0) return "text/plain";
  if (hasPdfHeader(bytes)) return "application/pdf";
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_WINDOW))
    .toString("latin1")
    .replace(/^\u00ef\u00bb\u00bf/, "")
    .trimStart()
    .toLowerCase();
  if (head.startsWith("<?xml")) {
    return head.includes("http://www.w3.org/1999/xhtml") || head.includes("<html")
      ? "application/xhtml+xml"
      : "application/xml";
  }
  for (const signature of HTML_SIGNATURES) {
    // A signature must end at a tag-terminating byte: "<b" must not match "<bogus>".
    if (!head.startsWith(signature)) continue;
    const next = head.charAt(signature.length);
    if (signature === "<!--" || next === ">" || next === " " || /\s/.test(next)) return "text/html";
  }
  if (looksBinary(bytes)) return "application/octet-stream";
  return "text/plain";
}

/**
 * Final media type of fetched bytes: the header's when informative, else the extension's (for files),
 * else sniffed. Bytes that start like a PDF are PDF whatever the header or extension claims.
 */
export function determineMimeType(input: {
  bytes: Uint8Array;
  contentType?: string | null;
  path?: string;
}): string {
  if (startsWithPdfHeader(input.bytes)) return "application/pdf";
  const declared = mimeTypeFromContentType(input.contentType);
  if (declared && !UNINFORMATIVE.has(declared)) return declared;
  const byExtension = input.path ? mimeTypeFromExtension(input.path) : null;
  if (byExtension && byExtension !== "application/pdf") return byExtension;
  return sniffMimeType(input.bytes);
}
