/** Archived text shown as the blocks it is made of: paragraphs, lists, tables, with an optional highlight. */
import { raw } from "hono/html";
import type { Highlight } from "./inline-text.js";
import { blockHtml, withMark } from "./markdown.js";

/**
 * A provision or stretch of a document rendered from Markdown. `tableHeader` is the header row of the table
 * a lone table row belongs to.
 */
export function MarkdownBlock(props: {
  text: string;
  highlight?: Highlight | null;
  tableHeader?: string;
  class?: string;
}) {
  const h = props.highlight;
  const text = h ? withMark(props.text, h.start, h.end) : props.text;
  return (
    <div class={props.class ? `md ${props.class}` : "md"}>{raw(blockHtml(text, props.tableHeader))}</div>
  );
}
