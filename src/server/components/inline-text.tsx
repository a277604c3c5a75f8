/**
 * Inline Markdown of archived text rendered as escaped JSX: links (http/https only, marked as external and
 * untrusted), strong emphasis and backslash escapes. Anything else, including HTML a platform wrote into its
 * policy, is shown as the characters it is: JSX escapes every string, so `<script>` stays text.
 */
import type { Child } from "hono/jsx";

/**
 * Links, then strong emphasis with CommonMark's flanking rules (approximated): a delimiter run opens only
 * before a non-space and, for underscores, not inside a word, so `window.__name` or `snake__case` stay text.
 */
const INLINE =
  /\[([^\]\n]{1,500})\]\(((?:[^()\s]|\([^()\s]*\)){1,2000})(?:\s+"[^"\n]*")?\)|\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*|(?<![\p{L}\p{N}_\\.])__(?=[^\s_])([^_\n]+?)(?<=[^\s_])__(?![\p{L}\p{N}_])|\\([\\`*_{}[\]()#+\-.!|>~])/gu;

function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}

/** Renders one run of inline Markdown. */
export function renderInline(text: string): Child[] {
  const out: Child[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const at = match.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const [whole, linkText, url, strong1, strong2, escaped] = match;
    if (linkText !== undefined && url !== undefined) {
      out.push(
        isWebUrl(url) ? (
          <a href={url} class="ext" rel="nofollow noopener noreferrer ugc">
            {linkText}
          </a>
        ) : (
          linkText
        ),
      );
    } else if (strong1 !== undefined || strong2 !== undefined) {
      out.push(<strong>{strong1 ?? strong2}</strong>);
    } else if (escaped !== undefined) {
      out.push(escaped);
    } else {
      out.push(whole);
    }
    last = at + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** A span of the text to highlight, in offsets of that text. */
export interface Highlight {
  start: number;
  end: number;
  label?: string;
}

/** Inline Markdown with one optional highlighted span (the evidence of a classification). */
export function InlineText(props: { text: string; highlight?: Highlight | null }) {
  const { text, highlight } = props;
  if (!highlight || highlight.start < 0 || highlight.end > text.length || highlight.start >= highlight.end) {
    return <>{renderInline(text)}</>;
  }
  return (
    <>
      {renderInline(text.slice(0, highlight.start))}
      <mark title={highlight.label}>{renderInline(text.slice(highlight.start, highlight.end))}</mark>
      {renderInline(text.slice(highlight.end))}
    </>
  );
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
