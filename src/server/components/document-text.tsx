/**
 * A version's text with its provisions marked: each provision is a block tinted by severity (and labelled
 * in words), anchored as #p-<index> and linked to its own page; text between provisions (headings, table
 * headers, stray lines) is shown as headings or muted lines.
 */
import type { Child } from "hono/jsx";
import { formatRecordId } from "../../citations/index.js";
import type { ProvisionView } from "../../store/queries/index.js";
import { capitalize } from "../format.js";
import { InlineText, plainInline } from "./inline-text.js";

const HEADING = /^(#{1,6})\s+(.*)$/;
const RULE = /^\s*(?:[-*_]{3,}|\|?[\s:|-]+\|[\s:|-]*)\s*$/;

function Gap(props: { text: string; muted: boolean }) {
  const out: Child[] = [];
  const loose: string[] = [];
  const flush = () => {
    if (loose.length > 0) out.push(<p class={props.muted ? "gap" : "gap plain"}>{loose.join("\n")}</p>);
    loose.length = 0;
  };
  for (const line of props.text.split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "" || RULE.test(trimmed)) continue;
    const heading = HEADING.exec(trimmed);
    if (heading) {
      flush();
      const level = Math.min(6, (heading[1]?.length ?? 1) + 2);
      const text = plainInline(heading[2] ?? "");
      out.push(
        level === 3 ? (
          <h3>{text}</h3>
        ) : level === 4 ? (
          <h4>{text}</h4>
        ) : level === 5 ? (
          <h5>{text}</h5>
        ) : (
          <h6>{text}</h6>
        ),
      );
    } else {
      const text = plainInline(trimmed);
      if (text !== "") loose.push(text);
    }
  }
  flush();
  return <>{out}</>;
}

/**
 * The text between `start` and `end` (default: all of it) with the provisions that overlap it; a provision cut
 * by a page boundary shows its part on each page.
 */
export function DocumentText(props: {
  text: string;
  provisions: readonly ProvisionView[];
  start?: number;
  end?: number;
}) {
  const blocks: Child[] = [];
  const from = props.start ?? 0;
  const to = Math.min(props.end ?? props.text.length, props.text.length);
  let at = from;
  const ordered = [...props.provisions].sort((a, b) => a.start - b.start);
  for (const p of ordered) {
    const start = Math.max(p.start, from);
    const end = Math.min(p.end, to);
    if (start < at || end <= start || p.end > props.text.length) continue;
    if (start > at) blocks.push(<Gap text={props.text.slice(at, start)} muted />);
    const severity = p.maxSeverity;
    blocks.push(
      <div
        class={`prov${severity ? ` sev-${severity}` : ""}`}
        id={p.start >= from ? `p-${p.index}` : undefined}
      >
        <InlineText text={props.text.slice(start, end)} />
        <a
          class="plink"
          href={`/provisions/${p.id}`}
          aria-label={`Provision ${p.index + 1} analysis (${formatRecordId("provision", p.id)})`}
        >
          {severity ? `${capitalize(severity)} · ` : ""}
          {formatRecordId("provision", p.id)}
        </a>
      </div>,
    );
    at = end;
  }
  if (at < to) blocks.push(<Gap text={props.text.slice(at, to)} muted={ordered.length > 0} />);
  return <div class="doc-text">{blocks}</div>;
}
