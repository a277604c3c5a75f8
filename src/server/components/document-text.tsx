/**
 * A version's text with its provisions marked: each provision is a block tinted by severity (and labelled
 * in words), anchored as #p-<index> and linked to its own page; text between provisions (headings, stray
 * lines) is rendered muted.
 */
import type { Child } from "hono/jsx";
import { formatRecordId } from "../../citations/index.js";
import type { ProvisionView } from "../../store/queries/index.js";
import { capitalize } from "../format.js";
import { isTableRow, tableHeaderAt } from "./markdown.js";
import { MarkdownBlock } from "./markdown-block.js";

const TABLE_LINE = /^\s*\|.*\|\s*$/;
const RULE_LINE = /^\s*(?:[|:-]*\|[|\s:-]*|[*+])\s*$/;

/**
 * Text between provisions, rendered as Markdown. Table rows left here are the headers and delimiters of
 * tables whose rows are provisions (each provision shows its header), and lone rules or pipes: dropped.
 */
function Gap(props: { text: string; muted: boolean }) {
  const lines = props.text.split("\n").filter((line) => !TABLE_LINE.test(line) && !RULE_LINE.test(line));
  if (lines.every((line) => line.trim() === "")) return null;
  return <MarkdownBlock text={lines.join("\n")} class={props.muted ? "gap" : "gap plain"} />;
}

/**
 * The text between `start` and `end` (default: all of it) with the provisions that overlap it; a provision cut
 * by a page boundary shows its part on each page. `text` may be a part of the version's text that starts at
 * `offset` (covering `start`–`end`, and the lines above for table headers) of a text `length` long.
 */
export function DocumentText(props: {
  text: string;
  provisions: readonly ProvisionView[];
  offset?: number;
  length?: number;
  start?: number;
  end?: number;
}) {
  const blocks: Child[] = [];
  const offset = props.offset ?? 0;
  const length = props.length ?? offset + props.text.length;
  const slice = (from: number, to: number) => props.text.slice(from - offset, to - offset);
  const from = props.start ?? offset;
  const to = Math.min(props.end ?? length, length);
  let at = from;
  const ordered = [...props.provisions].sort((a, b) => a.start - b.start);
  for (const p of ordered) {
    const start = Math.max(p.start, from);
    const end = Math.min(p.end, to);
    if (start < at || end <= start || p.end > length) continue;
    if (start > at) blocks.push(<Gap text={slice(at, start)} muted />);
    const severity = p.maxSeverity;
    const text = slice(start, end);
    blocks.push(
      <div
        class={`prov${severity ? ` sev-${severity}` : ""}`}
        id={p.start >= from ? `p-${p.index}` : undefined}
      >
        <MarkdownBlock
          text={text}
          tableHeader={
            isTableRow(text) ? tableHeaderAt(props.text, Math.max(p.start - offset, 0)) : undefined
          }
        />
        <a class="plink" href={`/provisions/${p.id}`}>
          <span class="visually-hidden">Analysis of provision {p.index + 1}: </span>
          {severity ? `${capitalize(severity)} severity · ` : ""}
          {formatRecordId("provision", p.id)}
        </a>
      </div>,
    );
    at = end;
  }
  if (at < to) blocks.push(<Gap text={slice(at, to)} muted={ordered.length > 0} />);
  return <div class="doc-text">{blocks}</div>;
}
