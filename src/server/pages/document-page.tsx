import type { Citation } from "../../citations/index.js";
import { formatRecordId } from "../../citations/index.js";
import { GradeBadge, SeverityBadge } from "../components/badges.js";
import { CitationBlock } from "../components/citation-block.js";
import { DocumentText } from "../components/document-text.js";
import { Layout } from "../components/layout.js";
import { LeadSummary } from "../components/lead-summary.js";
import { Pager, withQuery } from "../components/pagination.js";
import { liveSourceUrl, ProvenanceFacts } from "../components/provenance.js";
import { documentTitle, formatDate, plural } from "../format.js";
import type { Knowledge } from "../knowledge.js";
import type { DocumentView } from "../views/document-view.js";
import { topFindings } from "../views/top-findings.js";

function EntitiesList(props: { label: string; values: readonly string[] }) {
  if (props.values.length === 0) return null;
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.values.join(", ")}</dd>
    </>
  );
}

/** "Page N of M" with links, when the text has more than one page. */
function TextPager(props: { view: DocumentView }) {
  const { document: d, version: v, isCurrent, text: page, window } = props.view;
  if (page.pageCount === 1) return null;
  const link = (n: number) =>
    withQuery(`/documents/${d.id}`, { version: isCurrent ? undefined : v.id, page: n === 1 ? undefined : n });
  return (
    <>
      <p class="note">
        Page {page.page} of {page.pageCount} of the text (characters {page.start + 1}–{page.end} of{" "}
        {window.length}).
      </p>
      <Pager
        label="Pages of the text"
        previous={page.page > 1 ? link(page.page - 1) : null}
        next={page.page < page.pageCount ? link(page.page + 1) : null}
      />
    </>
  );
}

export function DocumentPage(props: { view: DocumentView; citation: Citation; knowledge: Knowledge }) {
  const {
    document: d,
    versions,
    version: v,
    provisions,
    provisionCounts: counts,
    isCurrent,
    text: page,
  } = props.view;
  const title = documentTitle(d.platformName, d.termsType);
  const entities = v.analysis?.entities;
  const change = versions.find((x) => x.id === v.id);
  const e = v.evidence;
  return (
    <Layout
      title={`${title}${isCurrent ? "" : ` (${formatDate(v.recordedAt)})`}`}
      section="platforms"
      description={`Full text of ${title} with its provisions highlighted by severity.`}
      crumbs={[
        { href: "/platforms", label: "Platforms" },
        { href: `/platforms/${d.platformSlug}`, label: d.platformName },
        { label: d.termsType },
      ]}
    >
      <h1>{title}</h1>
      <p class="lede">
        {isCurrent ? "Version in force, recorded" : "Earlier version, recorded"} {formatDate(v.recordedAt)}.{" "}
        {plural(d.versionCount, "version")} archived since {formatDate(d.firstRecordedAt)}.
      </p>

      <LeadSummary
        gradeLabel={isCurrent ? "Grade" : "Grade of this version"}
        grade={v.analysis}
        counts={counts}
        findings={topFindings(props.view.severest)}
        lastChange={props.view.lastChange}
        showDocument={false}
        knowledge={props.knowledge}
      />

      <form class="filters" method="get" action={`/documents/${d.id}`} aria-label="Choose a version">
        <label for="version-select">
          Version
          <select id="version-select" name="version">
            {[...versions].reverse().map((x) => (
              <option value={String(x.id)} selected={x.id === v.id}>
                {`${formatDate(x.recordedAt)}${x.id === d.currentVersionId ? " (current)" : ""}${x.changeKind && x.changeKind !== "substantive" ? ` – ${x.changeKind}` : ""}`}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show version</button>
      </form>

      <section aria-labelledby="text-h">
        <h2 id="text-h">Text</h2>
        <p class="legend">
          Provisions are tinted by severity: <SeverityBadge severity="high" />{" "}
          <SeverityBadge severity="medium" /> <SeverityBadge severity="low" />. Each links to its analysis.
        </p>
        <TextPager view={props.view} />
        <DocumentText
          text={props.view.window.text}
          offset={props.view.window.offset}
          length={props.view.window.length}
          provisions={provisions}
          start={page.start}
          end={page.end}
        />
        <TextPager view={props.view} />
      </section>
      <div class="grid2">
        <section aria-labelledby="verify-h">
          <h2 id="verify-h">Verification</h2>
          <dl class="facts">
            <dt>Record ID</dt>
            <dd>
              <code>{formatRecordId("version", v.id)}</code> (document{" "}
              <code>{formatRecordId("document", d.id)}</code>)
            </dd>
            <ProvenanceFacts evidence={e} textSha256={v.sha256} liveUrl={liveSourceUrl(d.sources)} />
            {e.extractionWarnings.length > 0 ? (
              <>
                <dt>Extraction notes</dt>
                <dd>
                  <ul>
                    {e.extractionWarnings.map((w) => (
                      <li>{w}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            <dt>Hash chain</dt>
            <dd>
              {e.chainSeq === null ? (
                "not in the chain"
              ) : (
                <>
                  entry {e.chainSeq} of {e.chainLength}; entry hash{" "}
                  <code class="hash">{e.chainEntryHash?.slice(0, 16)}…</code>
                </>
              )}
            </dd>
            {change?.changeRecordId ? (
              <>
                <dt>Change record</dt>
                <dd>
                  <a href={`/changes/${change.changeRecordId}`}>
                    {formatRecordId("change", change.changeRecordId)}
                  </a>
                  {change.changeSeverity ? (
                    <>
                      {" "}
                      <SeverityBadge severity={change.changeSeverity} />
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
        <section aria-labelledby="analysis-h">
          <h2 id="analysis-h">Analysis</h2>
          {v.analysis ? (
            <dl class="facts">
              <dt>Grade</dt>
              <dd>
                <GradeBadge grade={v.analysis.grade} score={v.analysis.score} />
              </dd>
              <dt>Provisions</dt>
              <dd>
                {plural(counts.total, "provision")}: {counts.high} high, {counts.medium} medium, {counts.low}{" "}
                low severity
              </dd>
              <dt>Language</dt>
              <dd>{v.analysis.language}</dd>
              {entities ? (
                <>
                  <EntitiesList label="Third parties named" values={entities.thirdParties} />
                  <EntitiesList label="Contact addresses" values={entities.emails} />
                  <EntitiesList label="Retention periods" values={entities.retentionPeriods} />
                  <EntitiesList label="Countries" values={entities.countries} />
                  <EntitiesList label="Data categories" values={entities.dataCategories} />
                  <EntitiesList label="Dates" values={entities.dates.map((x) => `${x.kind}: ${x.text}`)} />
                </>
              ) : null}
              <dt>Analyzed</dt>
              <dd>{formatDate(v.analysis.analyzedAt)}</dd>
            </dl>
          ) : (
            <p class="note">This version has not been analysed yet.</p>
          )}
        </section>
      </div>

      <CitationBlock citation={props.citation} />
    </Layout>
  );
}
