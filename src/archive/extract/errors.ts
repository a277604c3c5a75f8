/** Errors of the extract stage: why a snapshot's bytes could not become a version's Markdown. */

/** Stable, machine-readable reason of an extraction failure (stored with the document's last error). */
export type ExtractErrorCode =
  | "EMPTY_CONTENT"
  | "BINARY_CONTENT"
  | "UNSUPPORTED_TYPE"
  | "INVALID_SELECTOR"
  | "CONTENT_TOO_LARGE"
  | "UNREADABLE_PDF";

/** Base class: the snapshot could not be turned into Markdown. */
export class ExtractError extends Error {
  override name = "ExtractError";
  constructor(
    readonly code: ExtractErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Extraction ran but produced no text: an empty page, a selection with no words, a PDF of scanned images. */
export class EmptyContentError extends ExtractError {
  override name = "EmptyContentError";
  constructor(detail: string) {
    super("EMPTY_CONTENT", `no text left after extraction: ${detail}`);
  }
}

/** The bytes are not a document: an image, an archive, random data. */
export class BinaryContentError extends ExtractError {
  override name = "BinaryContentError";
  constructor(
    /** What the bytes look like, e.g. "PNG image" or "binary data". */
    readonly detected: string,
  ) {
    super("BINARY_CONTENT", `the content is ${detected}, not text, HTML or PDF`);
  }
}

/** The declared media type is one the extractor does not handle (JSON, XML, office formats…). */
export class UnsupportedTypeError extends ExtractError {
  override name = "UnsupportedTypeError";
  constructor(readonly mimeType: string) {
    super(
      "UNSUPPORTED_TYPE",
      `media type "${mimeType}" cannot be extracted (HTML, Markdown, text and PDF can)`,
    );
  }
}

/** A declared `select` or `remove` selector is not valid CSS; the declaration must be fixed. */
export class SelectorError extends ExtractError {
  override name = "SelectorError";
  constructor(
    /** The offending selector exactly as declared. */
    readonly selector: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super("INVALID_SELECTOR", `invalid CSS selector "${selector}": ${reason}`, { cause });
  }
}

/** The input exceeds the size the extractor accepts, to bound memory and time per document. */
export class ContentTooLargeError extends ExtractError {
  override name = "ContentTooLargeError";
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super("CONTENT_TOO_LARGE", `content of ${size} bytes exceeds the ${limit}-byte limit`);
  }
}

/** The bytes announce a PDF but the file is corrupt, truncated or password-protected. */
export class UnreadablePdfError extends ExtractError {
  override name = "UnreadablePdfError";
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super("UNREADABLE_PDF", `the PDF cannot be read: ${reason}`, { cause });
  }
}
