/** Confidence and evidence of each classification of a provision, with the signals that decided it. */
import type { ProvisionDetail } from "../../store/queries/index.js";
import { clauseTypeName, type Knowledge } from "../knowledge.js";
import { ConfidenceTag, PolarityTag, SeverityBadge } from "./badges.js";
import { evidenceIn } from "./evidence.js";
import { plainText } from "./markdown.js";

export function EvidenceTable(props: { provision: ProvisionDetail; knowledge: Knowledge }) {
  const p = props.provision;
  const k = props.knowledge;
  return (
    <section aria-labelledby="evidence-h">
      <h2 id="evidence-h">Confidence and evidence</h2>
      <table>
        <caption class="visually-hidden">Classifications of this provision</caption>
        <thead>
          <tr>
            <th scope="col">Clause type</th>
            <th scope="col">Confidence</th>
            <th scope="col">Reading</th>
            <th scope="col">Evidence</th>
            <th scope="col">Why (source, signals)</th>
          </tr>
        </thead>
        <tbody>
          {p.clauses.map((c) => {
            const span = evidenceIn(c, p.start, p.text.length);
            return (
              <tr>
                <th scope="row">
                  <a href={`/clause-types/${c.type}`}>{clauseTypeName(k, c.type)}</a>
                </th>
                <td>
                  <ConfidenceTag confidence={c.confidence} />
                </td>
                <td>
                  <SeverityBadge severity={c.severity} /> <PolarityTag polarity={c.polarity} />
                </td>
                <td>{span ? <q>{plainText(p.text.slice(span.start, span.end))}</q> : "—"}</td>
                <td>
                  {c.source}
                  {c.reasons.length > 0 ? (
                    <ul>
                      {c.reasons.slice(0, 6).map((r) => (
                        <li>
                          <code>{r.name}</code> ({r.kind}, {r.weight.toFixed(2)})
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
