/** A change record in a timeline. */
import { html } from "hono/html";
import { formatRecordId } from "../../citations/index.js";
import type { ChangeRecordListItem } from "../../store/queries/index.js";
import { documentTitle, formatDate } from "../format.js";
import { KindTag, SeverityBadge } from "./badges.js";
import { SummaryLine } from "./summary-line.js";

export function ChangeItem(props: {
  change: ChangeRecordListItem;
  showPlatform?: boolean;
  maxLines?: number;
}) {
  const c = props.change;
  const lines = c.summary.slice(0, props.maxLines ?? 3);
  const first = c.fromVersionId === null;
  // An html template: timelines list dozens of records, and JSX elements cost more than the markup they make.
  return html`<li class="card"><h3><a href="/changes/${c.id}">${
    props.showPlatform === false ? c.termsType : documentTitle(c.platformName, c.termsType)
  }: ${first ? "first recorded version" : "changed"} on <time datetime="${c.recordedAt}">${formatDate(
    c.recordedAt,
  )}</time></a></h3><p class="meta">${
    first ? html`<span class="tag">First version</span>` : SeverityBadge({ severity: c.severity })
  }${first ? null : KindTag({ kind: c.kind })}<span>${formatRecordId("change", c.id)}</span></p>${
    lines.length > 0
      ? html`<ul>${lines.map((l) => html`<li>${SummaryLine({ line: l })}</li>`)}${
          c.summary.length > lines.length ? html`<li>… ${c.summary.length - lines.length} more</li>` : null
        }</ul>`
      : null
  }</li>`;
}
