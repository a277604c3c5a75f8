/**
 * Character encoding of fetched text, decided the way browsers do: byte-order mark, then the Content-Type
 * charset, then an HTML `<meta>` / XML declaration in the first bytes, then validity as UTF-8, then a
 * statistical guess. Decoding is left to extraction; this only names the encoding.
 */
import chardet from "chardet";

const PRESCAN_WINDOW = 1024;
const DETECT_WINDOW = 64 * 1024;

function fromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return null;
}

function normaliseLabel(label: string | undefined | null): string | null {
  const cleaned = (label ?? "")
    .trim()
    .replace(/^["']|["']$/g, "")
    .toLowerCase();
  if (cleaned === "") return null;
  return cleaned === "utf8" ? "utf-8" : cleaned;
}

/** The `charset` parameter of a Content-Type value, lower-cased, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*("[^"]*"|[^;\s]*)/i.exec(contentType ?? "");
  return normaliseLabel(match?.[1]);
}

function fromMarkup(bytes: Uint8Array, mimeType: string): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_WINDOW)).toString(
    "latin1",
  );
  if (mimeType.includes("xml")) {
    const declaration = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
    if (declaration) return normaliseLabel(declaration[1]);
  }
  if (mimeType === "text/html" || mimeType === "application/xhtml+xml") {
    const meta = /<meta[^>]*?\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(head);
    if (meta) return normaliseLabel(meta[1]);
  }
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function isTextual(mimeType: string): boolean {
  return (
    mimeType.startsWith("text/") ||
    mimeType.endsWith("+xml") ||
    mimeType === "application/xml" ||
    mimeType === "application/json"
  );
}

/** Encoding label of `bytes` (lower-cased, e.g. "utf-8", "windows-1252"), or null for non-text media types. */
export function detectCharset(
  bytes: Uint8Array,
  contentType: string | null,
  mimeType: string,
): string | null {
  if (!isTextual(mimeType)) return null;
  const declared = fromBom(bytes) ?? charsetFromContentType(contentType) ?? fromMarkup(bytes, mimeType);
  if (declared) return declared;
  const sample = bytes.subarray(0, DETECT_WINDOW);
  // Plain ASCII and valid UTF-8 are both read correctly as UTF-8; guessing would only add risk.
  // A multi-byte character cut at the window's end must not make valid UTF-8 look invalid, so check it all.
  if (isValidUtf8(bytes)) return "utf-8";
  return normaliseLabel(chardet.detect(sample)) ?? "windows-1252";
}
