/** Labelled form controls shared by the filter forms (GET, so every filtered view has its own URL). */

import { CLAUSE_GROUPS } from "../../knowledge/index.js";
import type { Platform } from "../../model/index.js";
import { capitalize } from "../format.js";
import type { Knowledge } from "../knowledge.js";

export function SeveritySelect(props: { id: string; value?: string | undefined }) {
  return (
    <label for={props.id}>
      Severity
      <select id={props.id} name="severity">
        <option value="">Any severity</option>
        {(["high", "medium", "low"] as const).map((s) => (
          <option value={s} selected={props.value === s}>
            {capitalize(s)}
          </option>
        ))}
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
        {CLAUSE_GROUPS.map((group) => (
          <optgroup label={capitalize(group)}>
            {props.knowledge.types
              .filter((t) => t.group === group)
              .map((t) => (
                <option value={t.id} selected={props.value === t.id}>
                  {t.name}
                </option>
              ))}
          </optgroup>
        ))}
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
        {props.platforms.map((p) => (
          <option value={p.slug} selected={props.value === p.slug}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
