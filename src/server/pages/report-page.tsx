import { formatRecordId } from "../../citations/index.js";
import { GradeBadge, KindTag, SeverityBadge } from "../components/badges.js";
import { ClauseTags } from "../components/clause-tags.js";
import { Layout } from "../components/layout.js";
import { LeadSummary } from "../components/lead-summary.js";
import { excerpt } from "../components/markdown.js";
import { NumHeader } from "../components/num-header.js";
import { provisionHeading } from "../components/provision-card.js";
import { formatDate, formatTime, plural } from "../format.js";
import { platformGradeOf } from "../grades.js";
import { fillPlaceholders, type Knowledge } from "../knowledge.js";
import type { ReportView } from "../views/report-view.js";
import { topFindings } from "../views/top-findings.js";

export function ReportPage(props: {
  view: ReportView;
  knowledge: Knowledge;
  origin: string;
  inlineStyles?: boolean;
}) {
  const { platform, summary, documents, findings, changes, generatedAt } = props.view;
  const k = props.knowledge;
  const abs = (path: string) => new URL(path, props.origin).toString();
  return (
    <Layout
      title={`${platform.name} report`}
      section="platforms"
      inlineStyles={props.inlineStyles ?? false}
      crumbs={[
        { href: "/platforms", label: "Platforms" },
        { href: `/platforms/${platform.slug}`, label: platform.name },
        { label: "Report" },
      ]}
    >
      <div class="report-head">
        <h1>{platform.name}: privacy and terms report</h1>
        <p class="noprint">
          <a href={`/platforms/${platform.slug}/report.pdf`}>Download as PDF</a>
        </p>
      </div>
      <p class="lede">
        Generated {formatTime(generatedAt.toISOString())} by ClauseWatch from{" "}
        {plural(summary.versionCount, "archived version")}. Every finding cites its record ID; its page gives
        the archived text, its SHA-256 and a citation block.
      </p>
      <LeadSummary
        gradeLabel="Platform grade"
        grade={platformGradeOf(documents)?.grade ?? null}
        counts={summary.provisions}
        findings={topFindings(findings)}
        lastChange={changes[0] ?? null}
        showDocument={documents.length > 1}
        knowledge={k}
        href={abs}
      />
      <section aria-labelledby="r-docs">
        <h2 id="r-docs">Documents</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">Grade</th>
              <th scope="col">Current version</th>
              <NumHeader>Versions</NumHeader>
              <th scope="col">Record ID</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr>
                <th scope="row">
                  <a class="cite-url" href={abs(`/documents/${d.id}`)}>
                    {d.termsType}
                  </a>
                </th>
                <td>
                  <GradeBadge grade={d.grade} score={d.score} />
                </td>
                <td>{formatDate(d.lastRecordedAt)}</td>
                <td class="num">{d.versionCount}</td>
                <td>
                  <code>{formatRecordId("document", d.id)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          {plural(summary.changeCount, "change")} recorded; this report goes on with{" "}
          {plural(findings.length, "finding")} of high or medium severity, then the latest{" "}
          {plural(changes.length, "substantive change")}.
        </p>
      </section>
      <section aria-labelledby="r-find" class="new-page">
        <h2 id="r-find">Findings ({findings.length})</h2>
        {findings.length === 0 ? <p>No high or medium severity provision is in force.</p> : null}
        {findings.map((p) => {
          const main = p.clauses[0];
          const type = main ? k.byId.get(main.type) : undefined;
          return (
            <article class="card">
              <h3>
                <a href={abs(`/provisions/${p.id}`)}>{provisionHeading(p)}</a>{" "}
                <SeverityBadge severity={p.maxSeverity} />
              </h3>
              <p class="meta">
                <span>{p.termsType}</span>
                <code>{formatRecordId("provision", p.id)}</code>
              </p>
              <ClauseTags clauses={p.clauses} knowledge={k} href={abs} />
              <blockquote>{excerpt(p.text, 700)}</blockquote>
              {type ? (
                <p>
                  {fillPlaceholders(type.explanation.consumerImpact, {
                    platform: platform.name,
                    contact: null,
                  })}
                </p>
              ) : null}
            </article>
          );
        })}
      </section>
      <section aria-labelledby="r-changes">
        <h2 id="r-changes">Substantive changes</h2>
        {changes.length === 0 ? <p>None recorded.</p> : null}
        <ul>
          {changes.map((c) => (
            <li>
              {formatDate(c.recordedAt)}, {c.termsType}: <SeverityBadge severity={c.severity} />{" "}
              <KindTag kind={c.kind} /> <code>{formatRecordId("change", c.id)}</code>
              <ul>
                {c.summary.slice(0, 4).map((l) => (
                  <li>{l}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      <p class="hint">
        ClauseWatch describes what the documents say; this is not legal advice. Record IDs are permanent: cite
        them as {abs("/records/")}
        &lt;record ID&gt;.
      </p>
    </Layout>
  );
}
