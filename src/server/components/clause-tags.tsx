/** The clause types of a provision, each linking to its clause type page (an html template: one per card). */
import { html } from "hono/html";
import type { ClauseView } from "../../store/queries/index.js";
import { clauseTypeName, type Knowledge } from "../knowledge.js";

export function ClauseTags(props: {
  clauses: readonly ClauseView[];
  knowledge: Knowledge;
  /** Turns a site path into the link written (absolute in reports); the path itself by default. */
  href?: (path: string) => string;
}) {
  // Strongest first: keep each type's first (strongest) classification.
  const unique = props.clauses.filter((c, i) => props.clauses.findIndex((x) => x.type === c.type) === i);
  if (unique.length === 0) return null;
  return html`<ul class="legend" aria-label="Clause types">${unique.map(
    (c) =>
      html`<li class="tag"><a href="${props.href ? props.href(`/clause-types/${c.type}`) : `/clause-types/${c.type}`}">${clauseTypeName(props.knowledge, c.type)}</a>${
        c.polarity === "protective" ? " (protective)" : ""
      }</li>`,
  )}</ul>`;
}
