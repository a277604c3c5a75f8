/** Platforms with their grades, risk counts and activity. */
import { html } from "hono/html";
import type { PlatformListItem } from "../../store/queries/index.js";
import { formatDate } from "../format.js";
import { platformGradeOf } from "../grades.js";
import { GradeBadge } from "./badges.js";
import { NumHeader } from "./num-header.js";

/** The platform's grade by the published formula; computed once per row. */
function PlatformGrade(props: { grades: PlatformListItem["grades"] }) {
  const grade = platformGradeOf(props.grades)?.grade;
  return GradeBadge({ grade: grade?.grade ?? null, score: grade?.score ?? null });
}

/** `platformGrade` adds the platform's overall grade (needs the grade contributions of every document). */
export function PlatformTable(props: { platforms: readonly PlatformListItem[]; platformGrade?: boolean }) {
  if (props.platforms.length === 0) return <p class="note">No platform is tracked yet.</p>;
  return (
    <table>
      <caption class="visually-hidden">Platforms tracked</caption>
      <thead>
        <tr>
          <th scope="col">Platform</th>
          {props.platformGrade ? <th scope="col">Grade</th> : null}
          <th scope="col">Document grades</th>
          <NumHeader>High</NumHeader>
          <NumHeader>Medium</NumHeader>
          <NumHeader>Versions</NumHeader>
          <NumHeader>Changes</NumHeader>
          <th scope="col">Last change</th>
        </tr>
      </thead>
      <tbody>
        {props.platforms.map(
          // An html template per row: sixty rows of JSX elements were a third of the dashboard's rendering.
          (p) =>
            html`<tr><th scope="row"><a href="/platforms/${p.slug}">${p.name}</a></th>${
              props.platformGrade ? html`<td>${PlatformGrade({ grades: p.grades })}</td>` : null
            }<td>${
              p.grades.length === 0
                ? "—"
                : p.grades.map(
                    (g) =>
                      html`<span>${GradeBadge({ grade: g.grade })} <span class="meta">${g.termsType}</span> </span>`,
                  )
            }</td><td class="num">${p.provisions.high}</td><td class="num">${p.provisions.medium}</td><td class="num">${
              p.versionCount
            }</td><td class="num">${p.changeCount}</td><td>${formatDate(p.lastChangeAt)}</td></tr>`,
        )}
      </tbody>
    </table>
  );
}
