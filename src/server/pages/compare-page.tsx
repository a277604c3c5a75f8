import { GradeBadge, PolarityTag, SeverityBadge } from "../components/badges.js";
import { PlatformSelect } from "../components/filter-fields.js";
import { Layout } from "../components/layout.js";
import { excerpt } from "../components/markdown.js";
import { platformGradeOf } from "../grades.js";
import { clauseTypeName, type Knowledge } from "../knowledge.js";
import type { CompareView } from "../views/compare-view.js";

export function ComparePage(props: { view: CompareView; knowledge: Knowledge; selected: string[] }) {
  const { all, platforms, rows } = props.view;
  const slots = [0, 1, 2, 3];
  return (
    <Layout
      title="Compare platforms"
      section="compare"
      description="Compare 2 to 4 platforms clause type by clause type."
    >
      <h1>Compare platforms</h1>
      <form class="filters" method="get" action="/compare" aria-label="Choose platforms to compare">
        {slots.map((i) => (
          <PlatformSelect
            id={`cmp-${i}`}
            name="p"
            label={`Platform ${i + 1}${i < 2 ? "" : " (optional)"}`}
            value={props.selected[i]}
            platforms={all}
            anyLabel={i < 2 ? "Choose…" : "None"}
          />
        ))}
        <button type="submit">Compare</button>
      </form>
      {platforms.length === 0 ? (
        <p class="note">
          Choose two to four platforms. Clause types that differ most between them are listed first.
        </p>
      ) : (
        <>
          <p class="hint">
            {rows.length} clause types found in at least one of them. Each cell shows the platform's most
            severe provision of that type in force.
          </p>
          <div class="table-scroll">
            <table class="compare">
              <caption class="visually-hidden">Clause types by platform</caption>
              <thead>
                <tr>
                  <th scope="col">Clause type</th>
                  {platforms.map((p) => (
                    <th scope="col">
                      <a href={`/platforms/${p.slug}`}>{p.name}</a>{" "}
                      <GradeBadge grade={platformGradeOf(p.grades)?.grade.grade ?? null} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <th scope="row">
                      <a href={`/clause-types/${r.type}`}>{clauseTypeName(props.knowledge, r.type)}</a>
                    </th>
                    {r.cells.map((c) =>
                      c ? (
                        <td>
                          <SeverityBadge severity={c.severity} />{" "}
                          {c.polarity === "neutral" ? null : <PolarityTag polarity={c.polarity} />}
                          <p>{excerpt(c.excerpt, 220)}</p>
                          <a href={`/provisions/${c.provisionId}`}>Read the provision</a>
                        </td>
                      ) : (
                        <td class="meta">Not found</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Layout>
  );
}
