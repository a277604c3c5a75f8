/** Characters that would start Markdown syntax anywhere in a line (Turndown's escapes, as in OTA). */
const INLINE_SPECIALS = /[\\*`[\]_]/g;
/** Markers that only mean something at the start of a line: list, heading, quote, setext underline, fence. */
const LINE_START_MARKER = /-|\+ |=+|#{1,6} |~~~|>|\d+\. /y;

/** Escapes text so that Markdown renders it literally; text is escaped node by node, as Turndown does. */
export function escapeMarkdown(text: string): string {
  const escaped = text.replace(INLINE_SPECIALS, "\\$&");
  // The marker check applies after leading spaces, which the enclosing block will trim away.
  const start = escaped.length - escaped.trimStart().length;
  LINE_START_MARKER.lastIndex = start;
  const marker = LINE_START_MARKER.exec(escaped)?.[0];
  if (!marker) return escaped;
  const literal = /^\d/.test(marker) ? marker.replace(".", "\\.") : `\\${marker}`;
  return escaped.slice(0, start) + literal + escaped.slice(start + marker.length);
}

/** Escapes a link or image destination for `[text](url)`. */
export function escapeUrl(url: string): string {
  return url.replace(/[()]/g, "\\$&").replace(/\s/g, "%20");
}
