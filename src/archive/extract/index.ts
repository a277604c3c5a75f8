/**
 * The extract stage: a snapshot's bytes become the clean Markdown text of a version.
 *
 * HTML follows Open Terms Archive declaration semantics (`select`, `remove`, range selectors, named
 * filters) with main-content detection when there is no declaration or it no longer matches; Markdown
 * (without its YAML front matter) and plain text pass through normalised; PDF text is joined into
 * paragraphs. Same bytes, same Markdown.
 */
import type { RangeSelector } from "../../model/archive.js";
import { decodeText } from "./decode-text.js";
import { detectKind } from "./detect-kind.js";
import { ContentTooLargeError, EmptyContentError } from "./errors.js";
import { extractHtml } from "./extract-html.js";
import { extractPdf } from "./extract-pdf.js";
import { stripFrontMatter } from "./front-matter.js";
import { normalizeText } from "./normalize-text.js";

export { type DecodedText, decodeText } from "./decode-text.js";
export {
  BinaryContentError,
  ContentTooLargeError,
  EmptyContentError,
  ExtractError,
  type ExtractErrorCode,
  SelectorError,
  UnreadablePdfError,
  UnsupportedTypeError,
} from "./errors.js";

/** Larger inputs are refused: no policy page comes near, and parsing cost grows with size. */
export const MAX_CONTENT_BYTES = 50 * 1024 * 1024;

/** A snapshot to extract, with the parts of its declaration that apply. */
export interface ExtractInput {
  bytes: Uint8Array;
  /** Media type of the snapshot ("text/html", "application/pdf"…); parameters are allowed. */
  mimeType: string;
  /** Content-Type header value if any, for its charset. */
  contentType?: string | null;
  /** Where the bytes came from: relative links are made absolute against it. */
  url: string;
  /** OTA `select`: CSS selectors or range selectors designating the content. */
  select?: string | Array<string | RangeSelector>;
  /** OTA `remove`: CSS selectors or range selectors of content to drop before selecting. */
  remove?: string | Array<string | RangeSelector>;
  /** OTA named filters; those not available here are skipped with a warning. */
  filters?: string[];
}

/** How the text was obtained. */
export type ExtractMethod = "selectors" | "main-content" | "markdown" | "text" | "pdf";

/** Clean Markdown of a snapshot. */
export interface ExtractResult {
  markdown: string;
  /** Charset the bytes were decoded with ("binary" for PDF, whose text is not a byte stream). */
  charset: string;
  method: ExtractMethod;
  /** What did not go as declared (selector matched nothing, unknown filter…); empty when all did. */
  warnings: string[];
}

/**
 * Extracts the clean Markdown of a snapshot. Deterministic: the same input always gives the same
 * Markdown, with normalised whitespace, so that an unchanged page never makes a new version.
 * Malformed HTML never throws: whatever parses is extracted.
 * @throws {ContentTooLargeError} more than {@link MAX_CONTENT_BYTES}
 * @throws {BinaryContentError} an image, archive or other non-document bytes
 * @throws {UnsupportedTypeError} a media type that is not HTML, Markdown, text or PDF
 * @throws {SelectorError} a declared selector is not valid CSS
 * @throws {UnreadablePdfError} a corrupt or encrypted PDF
 * @throws {EmptyContentError} nothing readable is left after extraction
 */
export async function extract(input: ExtractInput): Promise<ExtractResult> {
  const { bytes, mimeType, url } = input;
  if (bytes.byteLength > MAX_CONTENT_BYTES)
    throw new ContentTooLargeError(bytes.byteLength, MAX_CONTENT_BYTES);
  const kind = detectKind(bytes, mimeType, url, input.contentType);
  const warnings: string[] = [];
  if (kind === "pdf") return result(await extractPdf(bytes), "binary", "pdf", warnings);

  const { text, charset } = decodeText(bytes, input.contentType ?? mimeType);
  if (kind === "html") {
    const html = extractHtml(
      text,
      { url, select: input.select, remove: input.remove, filters: input.filters },
      warnings,
    );
    return result(html.markdown, charset, html.method, warnings);
  }
  if (input.select !== undefined || input.remove !== undefined) {
    warnings.push(`selectors apply to HTML only; ignored for ${kind}`);
  }
  const normalized = normalizeText(text);
  return result(
    kind === "markdown" ? stripFrontMatter(normalized).trimStart() : normalized,
    charset,
    kind,
    warnings,
  );
}

function result(markdown: string, charset: string, method: ExtractMethod, warnings: string[]): ExtractResult {
  if (!markdown) throw new EmptyContentError(`${method} extraction of the content gave no text`);
  return { markdown, charset, method, warnings };
}
