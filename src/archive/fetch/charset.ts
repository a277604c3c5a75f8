/**
 * The character encoding a capture is reported with: the one extraction will decode it with (one rule for
 * both, in extract/decode-text.ts), or none for media types that are not text.
 */
import { charsetOf } from "../extract/decode-text.js";

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
  return isTextual(mimeType) ? charsetOf(bytes, contentType) : null;
}
