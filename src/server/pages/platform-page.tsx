import { formatRecordId } from "../../citations/index.js";
import { GradeBadge } from "../components/badges.js";
import { ChangeItem } from "../components/change-item.js";
import { ChangesChart } from "../components/changes-chart.js";
import { ClauseTypeSelect, SeveritySelect } from "../components/filter-fields.js";
import { GradeBreakdown } from "../components/grade-breakdown.js";
import { Layout } from "../components/layout.js";
import { LeadSummary } from "../components/lead-summary.js";
import { NumHeader } from "../components/num-header.js";
import { Pager, withQuery } from "../components/pagination.js";
import { ProvisionCard } from "../components/provision-card.js";
import { platformFeed } from "../feeds.js";
import { formatDate, plural } from "../format.js";
import { platformGradeOf } from "../grades.js";
import { clauseTypeName, type Knowledge } from "../knowledge.js";
import type { PlatformView } from "../views/platform-view.js";

export function PlatformPage(props: { view: PlatformView; knowledge: Knowledge }) {
  const { platform, summary, documents, provisions, changes, findings, months, filter, hasMore } = props.view;
  const base = `/platforms/${platform.slug}`;
  const filtered = Boolean(filter.severity || filter.type);
  const grade = platformGradeOf(documents)?.grade ?? null;
  const feed = platformFeed(platform);
  return (
    <Layout
      title={platform.name}
      feed={feed}
      section="platforms"
      description={`What ${platform.name}'s privacy policy and terms say, graded, with every change.`}
      crumbs={[{ href: "/platforms", label: "Platforms" }, { label: platform.name }]}
    >
      <h1>{platform.name}</h1>
      <p class="lede">
        {plural(summary.documentCount, "document")} tracked, {plural(summary.versionCount, "version")}{" "}
        archived, {plural(summary.changeCount, "change")} recorded; last change{" "}
        {formatDate(summary.lastChangeAt)}.
        {platform.homepage ? (
          <>
            {" "}
            Homepage:{" "}
            <a href={platform.homepage} rel="nofollow noopener noreferrer">
              {platform.homepage}
            </a>
            .
          </>
        ) : null}
      </p>
      <p>
        <a href={`${base}/report`}>Printable report</a> · <a href={`${base}/report.pdf`}>PDF report</a> ·{" "}
        <a href={withQuery("/compare", { p: platform.slug })}>Compare with other platforms</a> ·{" "}
        <a href={`/api/v1/platforms/${platform.slug}`}>JSON</a> · <a href={feed.href}>Atom feed</a> of
        substantive changes
      </p>

      <LeadSummary
        gradeLabel="Platform grade"
        grade={grade}
        counts={summary.provisions}
        findings={findings}
        lastChange={props.view.lastChange}
        showDocument={documents.length > 1}
        knowledge={props.knowledge}
      />

      <section aria-labelledby="docs-h">
        <h2 id="docs-h">Documents and grades</h2>
        <GradeBreakdown documents={documents} knowledge={props.knowledge} />
        <table>
          <caption class="visually-hidden">Documents of {platform.name}</caption>
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">Grade</th>
              <NumHeader>Versions</NumHeader>
              <th scope="col">Tracked since</th>
              <th scope="col">Current version</th>
              <th scope="col">Record ID</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr>
                <th scope="row">
                  <a href={`/documents/${d.id}`}>{d.termsType}</a>
                </th>
                <td>
                  <GradeBadge grade={d.grade} score={d.score} />
                </td>
                <td class="num">{d.versionCount}</td>
                <td>{formatDate(d.firstRecordedAt)}</td>
                <td>{formatDate(d.lastRecordedAt)}</td>
                <td>
                  <code>{formatRecordId("document", d.id)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="hint">
          In force now: {summary.provisions.high} high, {summary.provisions.medium} medium and{" "}
          {summary.provisions.low} low severity provisions.
        </p>
      </section>

      <section aria-labelledby="prov-h">
        <h2 id="prov-h">Provisions in force</h2>
        <form class="filters" method="get" action={base} aria-label="Filter provisions">
          <SeveritySelect id="f-sev" value={filter.severity} />
          <ClauseTypeSelect id="f-type" value={filter.type} knowledge={props.knowledge} />
          <button type="submit">Filter</button>
          {filtered ? <a href={base}>Clear filters</a> : null}
        </form>
        <p class="hint" aria-live="polite">
          {provisions.length === 0
            ? "No provision matches."
            : `Showing ${plural(provisions.length, "provision")}${filter.severity ? ` of ${filter.severity} severity` : ""}${
                filter.type ? ` classified as ${clauseTypeName(props.knowledge, filter.type)}` : ""
              }, most severe first${filter.page > 1 ? `, page ${filter.page}` : ""}${hasMore ? " (more on the next page)" : ""}.`}
        </p>
        {provisions.length === 0 ? null : (
          // Fifty cards are most of the page: closed until asked for, open once a filter or page was chosen.
          <details open={filtered || filter.page > 1}>
            <summary>
              {filtered || filter.page > 1 ? "The provisions" : "Every provision in force"}, with their
              excerpts
            </summary>
            <ul class="cards">
              {provisions.map((p) => (
                <ProvisionCard provision={p} knowledge={props.knowledge} />
              ))}
            </ul>
            <Pager
              label="Provision pages"
              previous={
                filter.page > 1
                  ? withQuery(base, { severity: filter.severity, type: filter.type, page: filter.page - 1 })
                  : null
              }
              next={
                hasMore
                  ? withQuery(base, { severity: filter.severity, type: filter.type, page: filter.page + 1 })
                  : null
              }
            />
          </details>
        )}
      </section>

      <section aria-labelledby="chart-h">
        <h2 id="chart-h">Changes per month</h2>
        <ChangesChart
          data={months}
          id="platform-chart"
          title={`Change records of ${platform.name} per month, by severity`}
        />
      </section>

      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">Timeline</h2>
        {changes.length === 0 ? (
          <p class="note">No version recorded yet.</p>
        ) : (
          <details>
            <summary>The latest {plural(changes.length, "record")}, newest first</summary>
            <ol class="cards">
              {changes.map((c) => (
                <ChangeItem change={c} showPlatform={false} />
              ))}
            </ol>
          </details>
        )}
        <p>
          <a href={withQuery("/changes", { platform: platform.slug })}>
            Every change record of {platform.name}
          </a>
        </p>
      </section>
    </Layout>
  );
}
