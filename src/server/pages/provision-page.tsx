import type { Citation } from "../../citations/index.js";
import { formatRecordId } from "../../citations/index.js";
import { ConfidenceTag, PolarityTag, SeverityBadge } from "../components/badges.js";
import { CitationBlock } from "../components/citation-block.js";
import { ComplianceView } from "../components/compliance-view.js";
import { ElsewhereSection } from "../components/elsewhere-section.js";
import { evidenceIn } from "../components/evidence.js";
import { EvidenceTable } from "../components/evidence-table.js";
import { Explanation } from "../components/explanation.js";
import { plainInline } from "../components/inline-text.js";
import { Layout } from "../components/layout.js";
import { excerpt } from "../components/markdown.js";
import { MarkdownBlock } from "../components/markdown-block.js";
import { Provenance } from "../components/provenance.js";
import { ProvisionCard, provisionHeading } from "../components/provision-card.js";
import { ProvisionHistory } from "../components/provision-history.js";
import { ReviewSection } from "../components/review-section.js";
import { documentTitle, formatDate } from "../format.js";
import { clauseTypeName, type Knowledge } from "../knowledge.js";
import type { ProvisionPageView } from "../views/provision-view.js";

export function ProvisionPage(props: { view: ProvisionPageView; knowledge: Knowledge; citation: Citation }) {
  const { provision: p, history, elsewhere, otherRisks, entities, prevalence } = props.view;
  const k = props.knowledge;
  const main = p.clauses[0];
  const mainType = main ? k.byId.get(main.type) : undefined;
  const title = main ? clauseTypeName(k, main.type) : provisionHeading(p);
  const docTitle = documentTitle(p.platformName, p.termsType);
  // Policies often repeat their own title as the top heading; saying it twice helps no one.
  const headings = p.headingPath
    .map(plainInline)
    .filter((h) => h !== "" && h.toLowerCase() !== docTitle.toLowerCase());
  const inForce = p.currentVersionId === p.versionId;
  const others = p.clauses
    .slice(1)
    .filter((c, i, all) => c.type !== main?.type && all.findIndex((x) => x.type === c.type) === i);
  return (
    <Layout
      title={`${title} — ${docTitle}`}
      section="platforms"
      description={excerpt(p.text, 160)}
      crumbs={[
        { href: "/platforms", label: "Platforms" },
        { href: `/platforms/${p.platformSlug}`, label: p.platformName },
        { href: `/documents/${p.documentId}?version=${p.versionId}#p-${p.index}`, label: p.termsType },
        { label: formatRecordId("provision", p.id) },
      ]}
    >
      <h1>{title}</h1>
      <p class="lede">
        {docTitle}
        {headings.length > 0 ? ` › ${headings.join(" › ")}` : ""} · provision {p.index + 1} of the version of{" "}
        {formatDate(p.recordedAt)}
      </p>
      <p class="meta">
        <SeverityBadge severity={p.maxSeverity} />
        {main ? <ConfidenceTag confidence={main.confidence} /> : null}
        {main ? <PolarityTag polarity={main.polarity} /> : null}
        {prevalence?.type ? (
          <a href={`/clause-types/${prevalence.type.type}`}>
            Found at {prevalence.type.platforms} of {prevalence.analysedPlatforms} platforms
          </a>
        ) : null}
      </p>
      {inForce ? null : (
        <p class="note">
          This provision is from an earlier version.{" "}
          {p.currentVersionId ? <a href={`/documents/${p.documentId}`}>Read the version in force</a> : null}
          {history.length > 0 && history[history.length - 1]?.versionId === p.currentVersionId ? (
            <>
              {" "}
              or{" "}
              <a href={`/provisions/${history[history.length - 1]?.provisionId}`}>
                this provision as it reads now
              </a>
            </>
          ) : (
            " It is no longer in the current version."
          )}
        </p>
      )}

      <figure>
        <blockquote
          class={`quote-${p.maxSeverity ?? "none"}`}
          cite={`/documents/${p.documentId}?version=${p.versionId}#p-${p.index}`}
        >
          <MarkdownBlock
            text={p.text}
            highlight={evidenceIn(main, p.start, p.text.length)}
            tableHeader={props.view.tableHeader}
          />
        </blockquote>
        <figcaption class="hint">
          — Excerpt from {docTitle}, version of {formatDate(p.recordedAt)}.{" "}
          {main ? "The highlighted words are the evidence for the classification." : ""}
        </figcaption>
      </figure>

      {main ? (
        <section aria-labelledby="analysis-h">
          <h2 id="analysis-h" class="visually-hidden">
            Analysis
          </h2>
          <Explanation clause={main} provision={p} knowledge={k} entities={entities} level={2} />
          {others.map((c) => (
            <details>
              <summary>Also classified as {clauseTypeName(k, c.type)}</summary>
              <Explanation clause={c} provision={p} knowledge={k} entities={entities} level={3} />
              <p>
                <a href={`/clause-types/${c.type}`}>How every platform handles {clauseTypeName(k, c.type)}</a>
              </p>
            </details>
          ))}
          <p class="hint">
            This analysis describes what the document says. It is not a legal determination; how it applies to
            you depends on where you live and on the facts.
          </p>
        </section>
      ) : (
        <p class="note">No clause type of the taxonomy was found in this provision.</p>
      )}

      {mainType ? (
        <section aria-labelledby="compliance-h">
          <h2 id="compliance-h">Compliance view</h2>
          <ComplianceView type={mainType} knowledge={k} />
        </section>
      ) : null}

      {p.clauses.length > 0 ? <EvidenceTable provision={p} knowledge={k} /> : null}

      {props.view.reviews.length > 0 ? <ReviewSection reviews={props.view.reviews} knowledge={k} /> : null}

      {elsewhere.length > 0 ? <ElsewhereSection elsewhere={elsewhere} knowledge={k} /> : null}

      <ProvisionHistory history={history} currentId={p.id} />

      {otherRisks.length > 0 ? (
        <section aria-labelledby="risks-h">
          <h2 id="risks-h">Other high-severity provisions in this document</h2>
          <ul class="cards">
            {otherRisks.map((r) => (
              <ProvisionCard provision={r} knowledge={k} showSource={false} excerptChars={200} />
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="prov-h">
        <h2 id="prov-h">Source and proof</h2>
        <Provenance
          evidence={props.view.version.evidence}
          textSha256={p.versionSha256}
          liveUrl={props.view.liveUrl}
        />
      </section>

      <CitationBlock citation={props.citation} />
    </Layout>
  );
}
