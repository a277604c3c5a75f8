import { CLAUSE_GROUPS } from "../../knowledge/index.js";
import type { PrevalenceTable } from "../../store/queries/index.js";
import { Layout } from "../components/layout.js";
import { NumHeader } from "../components/num-header.js";
import { capitalize } from "../format.js";
import type { ClauseTypeRow } from "../views/clause-type-view.js";

const GROUP_NAMES: Record<string, string> = {
  collection: "Data collection and use",
  sharing: "Sharing",
  rights: "User rights and control",
  security: "Security and governance",
  terms: "Terms (contract)",
  other: "Other",
};

export function ClauseTypesPage(props: { rows: ClauseTypeRow[]; table: PrevalenceTable }) {
  const m = props.table.analysedPlatforms;
  const groups = [...CLAUSE_GROUPS, "other"];
  return (
    <Layout
      title="Clause types"
      section="clause-types"
      description="How common each clause type is across the platforms tracked."
    >
      <h1>Clause types and their prevalence</h1>
      <p class="lede">
        Counted over the versions in force of {m} analysed platforms. “High / medium / low” count platforms by
        the worst severity of their provisions of that type; “protective only” platforms promise the opposite
        (e.g. “we do not sell”).
      </p>
      {groups.map((group) => {
        const rows = props.rows.filter((r) => r.group === group);
        if (rows.length === 0) return null;
        return (
          <section aria-labelledby={`g-${group}`}>
            <h2 id={`g-${group}`}>{GROUP_NAMES[group] ?? capitalize(group)}</h2>
            <table>
              <caption class="visually-hidden">
                {GROUP_NAMES[group] ?? group}: prevalence by clause type
              </caption>
              <thead>
                <tr>
                  <th scope="col">Clause type</th>
                  <NumHeader>Platforms</NumHeader>
                  <NumHeader>High</NumHeader>
                  <NumHeader>Medium</NumHeader>
                  <NumHeader>Low</NumHeader>
                  <NumHeader>Protective only</NumHeader>
                  <NumHeader>Provisions</NumHeader>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <th scope="row">
                      <a href={`/clause-types/${r.id}`}>{r.name}</a>
                    </th>
                    <td class="num">{r.prevalence ? `${r.prevalence.platforms} of ${m}` : `0 of ${m}`}</td>
                    <td class="num">{r.prevalence?.platformsBySeverity.high ?? 0}</td>
                    <td class="num">{r.prevalence?.platformsBySeverity.medium ?? 0}</td>
                    <td class="num">{r.prevalence?.platformsBySeverity.low ?? 0}</td>
                    <td class="num">{r.prevalence?.protectiveOnly ?? 0}</td>
                    <td class="num">{r.prevalence?.provisions ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </Layout>
  );
}
