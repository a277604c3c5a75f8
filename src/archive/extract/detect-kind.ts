import { BinaryContentError, UnsupportedTypeError } from "./errors.js";

/** The extraction path a snapshot takes. */
export type ContentKind = "html" | "markdown" | "text" | "pdf";

/** Magic numbers of formats that are never documents; matched before any declared type is trusted. */
const BINARY_SIGNATURES: ReadonlyArray<{ what: string; magic: readonly number[]; at?: number }> = [
  { what: "a PNG image", magic: [0x89, 0x50, 0x4e, 0x47] },
  { what: "a JPEG image", magic: [0xff, 0xd8, 0xff] },
  { what: "a GIF image", magic: [0x47, 0x49, 0x46, 0x38] },
  { what: "a WebP image", magic: [0x57, 0x45, 0x42, 0x50], at: 8 },
  { what: "an ICO image", magic: [0x00, 0x00, 0x01, 0x00] },
  { what: "a ZIP archive or Office document", magic: [0x50, 0x4b, 0x03, 0x04] },
  { what: "a legacy Office document", magic: [0xd0, 0xcf, 0x11, 0xe0] },
  { what: "gzip data", magic: [0x1f, 0x8b] },
  { what: "a 7z archive", magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { what: "a RAR archive", magic: [0x52, 0x61, 0x72, 0x21] },
  { what: "a WOFF font", magic: [0x77, 0x4f, 0x46, 0x46] },
  { what: "a WOFF2 font", magic: [0x77, 0x4f, 0x46, 0x32] },
  { what: "an MP4 video", magic: [0x66, 0x74, 0x79, 0x70], at: 4 },
  { what: "Ogg media", magic: [0x4f, 0x67, 0x67, 0x53] },
  { what: "MP3 audio", magic: [0x49, 0x44, 0x33] },
  { what: "an ELF executable", magic: [0x7f, 0x45, 0x4c, 0x46] },
  { what: "a WebAssembly module", magic: [0x00, 0x61, 0x73, 0x6d] },
];

/** How far into the bytes the text/binary heuristics look. */
const SNIFF_BYTES = 4096;
/** Share of control bytes above which content is not text (text has only tabs and line breaks). */
const MAX_CONTROL_SHARE = 0.02;

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const MARKDOWN_TYPES = new Set(["text/markdown", "text/x-markdown"]);
/** Types that say nothing about the content: the bytes decide. */
const GENERIC_TYPES = new Set(["", "application/octet-stream", "binary/octet-stream", "text/plain"]);

/**
 * Decides how to extract a snapshot from its bytes and declared media type. The bytes win over the
 * label when they are unambiguous (a PDF or an image served as text/html).
 * @throws {BinaryContentError} the bytes are an image, archive, executable or otherwise not text
 * @throws {UnsupportedTypeError} text-like bytes of a type the extractor does not handle (JSON, XML…)
 */
export function detectKind(
  bytes: Uint8Array,
  mimeType: string,
  url: string,
  contentType?: string | null,
): ContentKind {
  if (isPdf(bytes)) return "pdf";
  const signature = BINARY_SIGNATURES.find((s) => startsWith(bytes, s.magic, s.at ?? 0));
  if (signature) throw new BinaryContentError(signature.what);
  if (!isUtf16(bytes, contentType) && looksBinary(bytes)) throw new BinaryContentError("binary data");

  const type = essence(mimeType);
  if (HTML_TYPES.has(type)) return "html";
  if (MARKDOWN_TYPES.has(type)) return "markdown";
  if (GENERIC_TYPES.has(type)) {
    if (looksLikeHtml(bytes)) return "html";
    return /\.(md|markdown)$/i.test(urlPath(url)) ? "markdown" : "text";
  }
  if (type === "application/pdf") return looksLikeHtml(bytes) ? "html" : "pdf";
  if (type.startsWith("text/") && !type.endsWith("xml")) return "text";
  throw new UnsupportedTypeError(type);
}

/** The media type without parameters, lower-case ("text/html; charset=utf-8" → "text/html"). */
function essence(mimeType: string): string {
  return (mimeType.split(";")[0] ?? "").trim().toLowerCase();
}

function isPdf(bytes: Uint8Array): boolean {
  // The PDF header may follow some junk; readers accept it anywhere in the first kilobyte.
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).includes("%PDF-");
}

function startsWith(bytes: Uint8Array, magic: readonly number[], at: number): boolean {
  if (bytes.byteLength < at + magic.length) return false;
  return magic.every((byte, i) => bytes[at + i] === byte);
}

function isUtf16(bytes: Uint8Array, contentType: string | null | undefined): boolean {
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return bom || /charset\s*=\s*["']?utf-16/i.test(contentType ?? "");
}

function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.byteLength, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    // Tab, line feed, form feed, carriage return and escape occur in real text files.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  return end > 0 && controls / end > MAX_CONTROL_SHARE;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512)).toString(
    "latin1",
  );
  // Read as latin-1, a UTF-8 byte-order mark is three characters.
  return /^(\u00ef\u00bb\u00bf)?\s*<(!doctype\s+html|html|head|body|!--|meta|title)[\s>]/i.test(start);
}

function urlPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
