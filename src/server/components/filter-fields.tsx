/** Labelled form controls shared by the filter forms (GET, so every filtered view has its own URL). */

import { html } from "hono/html";
import { CLAUSE_GROUPS } from "../../knowledge/index.js";
import type { Platform } from "../../model/index.js";
import { capitalize } from "../format.js";
import type { Knowledge } from "../knowledge.js";

/** An option as an html template: the clause type and platform lists run to a hundred and fifty of them. */
function option(value: string, label: string, selected: boolean) {
  return html`<option value="${value}"${selected ? html` selected=""` : null}>${label}</option>`;
}

export function SeveritySelect(props: { id: string; value?: string | undefined }) {
  return (
    <label for={props.id}>
      Severity
      <select id={props.id} name="severity">
        <option value="">Any severity</option>
        {(["high", "medium", "low"] as const).map((s) => option(s, capitalize(s), props.value === s))}
      </select>
    </label>
  );
}

export function ClauseTypeSelect(props: { id: string; value?: string | undefined; knowledge: Knowledge }) {
  return (
    <label for={props.id}>
      Clause type
      <select id={props.id} name="type">
        <option value="">Any clause type</option>
        {CLAUSE_GROUPS.map(
          (group) =>
            html`<optgroup label="${capitalize(group)}">${props.knowledge.types
              .filter((t) => t.group === group)
              .map((t) => option(t.id, t.name, props.value === t.id))}</optgroup>`,
        )}
        {props.value && !props.knowledge.byId.has(props.value) ? (
          <option value={props.value} selected>
            {props.value}
          </option>
        ) : null}
      </select>
    </label>
  );
}

export function PlatformSelect(props: {
  id: string;
  name: string;
  label: string;
  value?: string | undefined;
  platforms: readonly Platform[];
  anyLabel?: string;
}) {
  return (
    <label for={props.id}>
      {props.label}
      <select id={props.id} name={props.name}>
        {props.anyLabel ? <option value="">{props.anyLabel}</option> : null}
        {props.platforms.map((p) => option(p.slug, p.name, props.value === p.slug))}
      </select>
    </label>
  );
}
