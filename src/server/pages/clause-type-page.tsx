import { explanationTexts } from "../../analysis/explain/index.js";
import { PolarityTag, SeverityBadge } from "../components/badges.js";
import { ComplianceView } from "../components/compliance-view.js";
import { Layout } from "../components/layout.js";
import { excerpt } from "../components/markdown.js";
import { documentTitle, plural } from "../format.js";
import type { Knowledge } from "../knowledge.js";
import type { ClauseTypeView } from "../views/clause-type-view.js";

export function ClauseTypePage(props: { view: ClauseTypeView; knowledge: Knowledge }) {
  const { id, type, prevalence, analysedPlatforms, excerpts, without } = props.view;
  const name = type?.name ?? id;
  // About no platform: "the platform" and the default sector's nouns.
  const generic = type ? explanationTexts(type.explanation, {}) : undefined;
  const s = prevalence?.platformsBySeverity;
  return (
    <Layout
      title={name}
      section="clause-types"
      description={type?.description ?? `Platforms whose terms contain ${name}.`}
      crumbs={[{ href: "/clause-types", label: "Clause types" }, { label: name }]}
    >
      <h1>{name}</h1>
      {type ? <p class="lede">{type.description}</p> : null}
      <section aria-labelledby="prev-h">
        <h2 id="prev-h">Prevalence</h2>
        <p>
          <strong>
            Found at {prevalence?.platforms ?? 0} of {analysedPlatforms} platforms
          </strong>{" "}
          ({plural(prevalence?.documents ?? 0, "document")},{" "}
          {plural(prevalence?.provisions ?? 0, "provision")} in force).
        </p>
        {s ? (
          <ul class="legend" aria-label="Platforms by severity">
            <li>
              <SeverityBadge severity="high" prefix="" />: {s.high}
            </li>
            <li>
              <SeverityBadge severity="medium" prefix="" />: {s.medium}
            </li>
            <li>
              <SeverityBadge severity="low" prefix="" />: {s.low}
            </li>
            <li>
              <span class="tag pol-protective">Protective only</span>: {prevalence?.protectiveOnly ?? 0}
            </li>
          </ul>
        ) : null}
      </section>
      {generic ? (
        <section aria-labelledby="expl-h">
          <h2 id="expl-h">What it means for you</h2>
          <p>{generic.whatItIs}</p>
          <p>{generic.whyItMatters}</p>
          <p>{generic.consumerImpact}</p>
        </section>
      ) : null}
      <section aria-labelledby="where-h">
        <h2 id="where-h">Every platform's wording</h2>
        {excerpts.length === 0 ? (
          <p class="note">No platform's current documents contain this clause type.</p>
        ) : (
          <ul class="cards">
            {excerpts.map((e) => (
              <li class="card">
                <h3>
                  <a href={`/provisions/${e.provisionId}`}>{documentTitle(e.platformName, e.termsType)}</a>
                </h3>
                <p class="meta">
                  <SeverityBadge severity={e.severity} />
                  <PolarityTag polarity={e.polarity} />
                  <span>{plural(e.provisionCount, "provision")} of this type</span>
                  <a href={`/platforms/${e.platformSlug}?type=${id}`}>all of them</a>
                </p>
                <p>{excerpt(e.excerpt, 400)}</p>
              </li>
            ))}
          </ul>
        )}
        {without.length > 0 ? (
          <p class="hint">Not found at: {without.map((p) => p.name).join(", ")}.</p>
        ) : null}
      </section>
      {type ? (
        <section aria-labelledby="comp-h">
          <h2 id="comp-h">Compliance view</h2>
          <ComplianceView type={type} knowledge={props.knowledge} />
        </section>
      ) : null}
    </Layout>
  );
}
