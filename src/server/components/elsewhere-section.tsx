/** "How other platforms handle this": each other platform's strongest provision of the same clause type. */
import type { ClauseExcerpt } from "../../store/queries/index.js";
import { documentTitle, plural } from "../format.js";
import { clauseTypeName, type Knowledge } from "../knowledge.js";
import { PolarityTag, SeverityBadge } from "./badges.js";
import { excerpt } from "./markdown.js";

export function ElsewhereSection(props: {
  elsewhere: { type: string; excerpts: ClauseExcerpt[] }[];
  knowledge: Knowledge;
}) {
  const { elsewhere } = props;
  const k = props.knowledge;
  return (
    <section aria-labelledby="others-h">
      <h2 id="others-h">How other platforms handle this</h2>
      {elsewhere.map((group) => (
        <>
          <h3>{clauseTypeName(k, group.type)}</h3>
          {group.excerpts.length === 0 ? (
            <p class="note">No other platform's current documents have this clause type.</p>
          ) : (
            <ul class="cards">
              {group.excerpts.map((e) => (
                <li class="card">
                  <h4>
                    <a href={`/provisions/${e.provisionId}`}>{documentTitle(e.platformName, e.termsType)}</a>
                  </h4>
                  <p class="meta">
                    <SeverityBadge severity={e.severity} />
                    <PolarityTag polarity={e.polarity} />
                    <span>{plural(e.provisionCount, "provision")} of this type</span>
                  </p>
                  <p>{excerpt(e.excerpt, 340)}</p>
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href={`/clause-types/${group.type}`}>Every platform with {clauseTypeName(k, group.type)}</a>
          </p>
        </>
      ))}
    </section>
  );
}
