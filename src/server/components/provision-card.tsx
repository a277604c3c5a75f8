/** A provision in a list: where it is from, how severe, its clause types and an excerpt. */
import { html } from "hono/html";
import { formatRecordId } from "../../citations/index.js";
import type { ProvisionListItem } from "../../store/queries/index.js";
import { documentTitle } from "../format.js";
import type { Knowledge } from "../knowledge.js";
import { SeverityBadge } from "./badges.js";
import { ClauseTags } from "./clause-tags.js";
import { plainInline } from "./inline-text.js";
import { excerpt } from "./markdown.js";

export function provisionHeading(p: { headingPath: readonly string[]; index: number }): string {
  const last = p.headingPath[p.headingPath.length - 1];
  return last ? plainInline(last) : `Provision ${p.index + 1}`;
}

export function ProvisionCard(props: {
  provision: ProvisionListItem;
  knowledge: Knowledge;
  showSource?: boolean;
  excerptChars?: number;
}) {
  const p = props.provision;
  // An html template: listings show up to fifty cards, and JSX elements cost more than the markup they make.
  return html`<li class="card"><h3><a href="/provisions/${p.id}">${provisionHeading(p)}</a></h3><p class="meta">${SeverityBadge(
    { severity: p.maxSeverity },
  )}${
    props.showSource === false
      ? null
      : html`<a href="/documents/${p.documentId}#p-${p.index}">${documentTitle(p.platformName, p.termsType)}</a>`
  }<span>${formatRecordId("provision", p.id)}</span></p>${ClauseTags({
    clauses: p.clauses,
    knowledge: props.knowledge,
  })}<p>${excerpt(p.text, props.excerptChars ?? 320)}</p></li>`;
}
