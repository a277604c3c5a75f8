/** The compliance reading of a clause type: regulations with articles, agencies with complaint links, exposure. */
import type { ClauseType } from "../../knowledge/index.js";
import { capitalize } from "../format.js";
import type { Knowledge } from "../knowledge.js";

export function ComplianceView(props: { type: ClauseType; knowledge: Knowledge; headingLevel?: 3 | 4 }) {
  const c = props.type.compliance;
  const H = props.headingLevel === 4 ? "h4" : "h3";
  return (
    <div class="compliance">
      <H>Regulatory landscape</H>
      <ul>
        {c.regulations.map((ref) => {
          const reg = props.knowledge.regulations.get(ref.id);
          return (
            <li>
              {reg ? (
                <a href={reg.url} rel="noopener noreferrer">
                  {reg.shortName}
                </a>
              ) : (
                ref.id
              )}
              {reg ? ` (${reg.jurisdiction})` : ""} — {ref.articles.join(", ")}: {ref.why}
            </li>
          );
        })}
      </ul>
      <H>Governance exposure</H>
      <p>
        <span class={`badge sev-${c.governanceExposure.level}`}>
          {capitalize(c.governanceExposure.level)} exposure
        </span>{" "}
        {c.governanceExposure.summary}
      </p>
      <p class="hint">Jurisdictions with specific consequences: {c.jurisdictions.join(", ")}.</p>
      <H>Contract and vendor implications</H>
      <p>{c.contractImplications}</p>
      <ul>
        {c.vendorDueDiligence.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
      <H>Compliance considerations</H>
      <ul>
        {c.complianceConsiderations.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
      <H>Where to complain</H>
      <ul>
        {c.agencies.map((id) => {
          const agency = props.knowledge.agencies.get(id);
          return agency ? (
            <li>
              {agency.name} ({agency.jurisdiction}):{" "}
              <a href={agency.complaintUrl} rel="noopener noreferrer">
                file a complaint
              </a>
            </li>
          ) : (
            <li>{id}</li>
          );
        })}
      </ul>
    </div>
  );
}
