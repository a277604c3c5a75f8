/** A platform's grade with its published formula and every contributing provision linked. */
import type { DocumentDetail } from "../../store/queries/index.js";
import { platformGradeOf } from "../grades.js";
import { clauseTypeName, type Knowledge } from "../knowledge.js";
import { GradeBadge } from "./badges.js";
import { NumHeader } from "./num-header.js";

export function GradeBreakdown(props: { documents: readonly DocumentDetail[]; knowledge: Knowledge }) {
  const result = platformGradeOf(props.documents);
  if (!result) return <p class="note">No document of this platform has been graded yet.</p>;
  const { grade, graded } = result;
  return (
    <div>
      <p>
        Platform grade: <GradeBadge grade={grade.grade} score={grade.score} /> (the mean of its documents'
        scores)
      </p>
      <ul>
        {graded.map((i) => {
          const document = props.documents[i]!;
          const scale = (document.gradeDetails as { scale?: unknown } | null)?.scale;
          return (
            <li>
              {document.termsType}: <GradeBadge grade={document.grade} score={document.score} />
              {typeof scale === "string" ? ` on the ${scale} scale` : ""}
            </li>
          );
        })}
      </ul>
      <details>
        <summary>How this grade is made ({grade.contributions.length} contributing clause types)</summary>
        <p>{grade.formula}</p>
        <table>
          <caption class="visually-hidden">Contributions to the platform grade</caption>
          <thead>
            <tr>
              <th scope="col">Clause type</th>
              <th scope="col">Reading</th>
              <NumHeader>Points</NumHeader>
              <th scope="col">Provision</th>
            </tr>
          </thead>
          <tbody>
            {grade.contributions.map((c) => {
              const document = props.documents[graded[c.documentIndex] ?? -1];
              return (
                <tr>
                  <th scope="row">
                    <a href={`/clause-types/${c.type}`}>{clauseTypeName(props.knowledge, c.type)}</a>
                  </th>
                  <td>
                    {c.polarity}, {c.severity}
                  </td>
                  <td class="num">{c.points > 0 ? `+${c.points}` : String(c.points)}</td>
                  <td>
                    {document ? (
                      <a href={`/documents/${document.id}#p-${c.provisionIndex}`}>
                        {document.termsType}, provision {c.provisionIndex + 1}
                      </a>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </div>
  );
}
