/**
 * Inline Markdown of archived text (emphasis, web links marked as untrusted, line breaks) rendered by
 * markdown-it with raw HTML off: anything else, including HTML a platform wrote into its policy, is shown as
 * the characters it is, escaped.
 */
import { raw } from "hono/html";
import { inlineHtml, withMark } from "./markdown.js";

/** A span of the text to highlight, in offsets of that text. */
export interface Highlight {
  start: number;
  end: number;
  label?: string;
}

/** Inline Markdown with one optional highlighted span (the evidence of a classification). */
export function InlineText(props: { text: string; highlight?: Highlight | null }) {
  const h = props.highlight;
  return raw(inlineHtml(h ? withMark(props.text, h.start, h.end) : props.text));
}

/** Plain text of a Markdown heading line or fragment: markers dropped, link text kept (for titles). */
export function plainInline(text: string): string {
  // A heading keeps its numbering ("3. Sharing"); a list item loses its marker.
  const line = /^#{1,6}\s+/.test(text)
    ? text.replace(/^#{1,6}\s+/, "")
    : text.replace(/^(?:[*+-]|\d{1,3}[.)])\s+/, "");
  return line
    .replace(/!\[[^\]\n]*\]\((?:[^()\s]|\([^()\s]*\))*\)/g, "")
    .replace(/\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)/g, "$1")
    .replace(/\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*/g, "$1")
    .replace(/(?<![\p{L}\p{N}_\\.])__(?=[^\s_])([^_\n]+?)(?<=[^\s_])__(?![\p{L}\p{N}_])/gu, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1")
    .trim();
}
