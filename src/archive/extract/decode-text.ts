import { isUtf8 } from "node:buffer";
import chardet from "chardet";
import iconv from "iconv-lite";

/** Text decoded from a snapshot's bytes, with the charset that was used. */
export interface DecodedText {
  text: string;
  /** Canonical lower-case charset name, e.g. "utf-8" or "windows-1252". */
  charset: string;
}

/** Browsers look for `<meta charset>` in the first 1,024 bytes; real heads run longer, so look further. */
const META_SCAN_BYTES = 8192;
/** chardet reads every byte it is given; a sample is as good as the whole for a single-charset page. */
const DETECTION_SAMPLE_BYTES = 65536;

/**
 * Labels that browsers decode as windows-1252 (WHATWG Encoding): pages labelled latin-1 routinely use
 * its 0x80–0x9F punctuation (curly quotes, dashes), which strict ISO-8859-1 would turn into controls.
 */
const WINDOWS_1252_LABELS = new Set([
  "ansi_x3.4-1968",
  "ascii",
  "cp1252",
  "cp819",
  "csisolatin1",
  "ibm819",
  "iso-8859-1",
  "iso-ir-100",
  "iso8859-1",
  "iso_8859-1",
  "l1",
  "latin1",
  "us-ascii",
  "windows-1252",
  "x-cp1252",
]);

const UTF8_LABELS = new Set(["utf-8", "utf8", "unicode-1-1-utf-8"]);

const utf8Decoder = new TextDecoder("utf-8");

/**
 * Decodes bytes to text. The charset comes from, in order: a byte-order mark (it is unambiguous, and
 * browsers let it override every label), the `charset` parameter of `contentType`, a `<meta charset>`,
 * `http-equiv` or XML declaration near the start, and finally detection (valid UTF-8, else `chardet`).
 * Unknown labels are skipped. Never throws: undecodable bytes become U+FFFD.
 */
export function decodeText(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const charset = charsetOf(bytes, contentType);
  return { text: decodeWith(bytes, charset), charset };
}

/** The charset {@link decodeText} reads `bytes` with (fetchers report it with the capture). */
export function charsetOf(bytes: Uint8Array, contentType?: string | null): string {
  return (
    bomCharset(bytes) ??
    canonicalCharset(charsetParameter(contentType)) ??
    metaCharset(bytes) ??
    detectCharset(bytes)
  );
}

function decodeWith(bytes: Uint8Array, charset: string): string {
  // TextDecoder is native and strips a UTF-8 BOM; iconv-lite covers the legacy charsets.
  return charset === "utf-8" ? utf8Decoder.decode(bytes) : iconv.decode(bytes, charset);
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

function charsetParameter(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  return /;\s*charset\s*=\s*["']?([^;"'\s]+)/i.exec(contentType)?.[1] ?? null;
}

/** A `<meta charset>` / `http-equiv` declaration, or an XML declaration's `encoding`, near the start. */
function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, META_SCAN_BYTES),
  ).toString("latin1");
  const label =
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1] ??
    /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([^\s"';>/]+)/i.exec(head)?.[1];
  const charset = canonicalCharset(label ?? null);
  // A page that could read its own <meta> as ASCII is not UTF-16, whatever it claims (WHATWG rule).
  return charset?.startsWith("utf-16") ? "utf-8" : charset;
}

function detectCharset(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return "utf-8";
  const guess = chardet.detect(bytes.subarray(0, DETECTION_SAMPLE_BYTES));
  return canonicalCharset(guess) ?? "windows-1252";
}

/** Canonical name of a charset label, or null when iconv-lite does not know it. */
function canonicalCharset(label: string | null): string | null {
  if (!label) return null;
  const name = label.trim().toLowerCase();
  if (UTF8_LABELS.has(name)) return "utf-8";
  if (WINDOWS_1252_LABELS.has(name)) return "windows-1252";
  return iconv.encodingExists(name) ? name : null;
}
