/**
 * A provision's plain-language explanation, written by the analysis module with the document's specifics and in
 * the words of the platform's sector.
 */
import { explain } from "../../analysis/explain/index.js";
import { loadSectors } from "../../knowledge/index.js";
import type { Entities } from "../../model/index.js";
import type { ClauseView, ProvisionDetail } from "../../store/queries/index.js";
import { confidenceBand } from "../format.js";
import type { Knowledge } from "../knowledge.js";
import { plainText } from "./markdown.js";

const NO_ENTITIES: Entities = {
  thirdParties: [],
  emails: [],
  dates: [],
  retentionPeriods: [],
  countries: [],
  dataCategories: [],
};

/** The analysis module's explanation of one classification, with the document's specifics written in. */
export function Explanation(props: {
  clause: ClauseView;
  provision: ProvisionDetail;
  knowledge: Knowledge;
  entities: Entities | null;
  level: 2 | 3;
}) {
  const type = props.knowledge.byId.get(props.clause.type);
  if (!type) return <p class="note">No explanation is available for this clause type yet.</p>;
  const p = props.provision;
  const c = props.clause;
  const e = explain(
    {
      type: c.type,
      name: type.name,
      confidence: c.confidence,
      confidenceLevel: confidenceBand(c.confidence),
      polarity: c.polarity,
      severity: c.severity,
      evidence: {
        start: c.evidenceStart,
        end: c.evidenceEnd,
        text: p.text.slice(c.evidenceStart - p.start, c.evidenceEnd - p.start),
      },
      source: c.source === "model" || c.source === "reviewer" ? c.source : "pattern",
      reasons: c.reasons,
    },
    type,
    props.entities ?? NO_ENTITIES,
    { index: p.index, key: p.key, headingPath: p.headingPath, start: p.start, end: p.end, text: p.text },
    {
      platformName: p.platformName,
      sector: loadSectors().of({ slug: p.platformSlug, sector: p.platformSector }),
    },
  );
  const H = props.level === 2 ? "h2" : "h3";
  return (
    <>
      <H>What it is</H>
      <p>{e.whatItIs}</p>
      <H>Why it matters</H>
      <p>{e.whyItMatters}</p>
      <H>Consumer impact</H>
      <p>{e.consumerImpact}</p>
      {e.specifics.length > 0 ? (
        <>
          <H>What this document says specifically</H>
          <ul>
            {e.specifics.map((s) => (
              <li>{plainText(s)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <H>What you can do</H>
      <ul>
        {e.whatYouCanDo.map((action) => (
          <li>{action}</li>
        ))}
      </ul>
    </>
  );
}
