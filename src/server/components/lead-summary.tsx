/**
 * What a page leads with (platform, document, report): the grade, the most severe clear findings, the last change
 * and the counts, in a few lines, before any long list or text.
 */
import { formatRecordId } from "../../citations/index.js";
import type { ChangeRecordListItem, ProvisionView, SeverityCounts } from "../../store/queries/index.js";
import { formatDate } from "../format.js";
import { clauseTypeName, type Knowledge } from "../knowledge.js";
import type { Finding } from "../views/top-findings.js";
import { GradeBadge, SeverityBadge } from "./badges.js";
import { excerpt } from "./markdown.js";

/** Characters of each finding's excerpt: enough to recognise the clause, short enough to keep the summary short. */
const EXCERPT_CHARS = 200;

export interface LeadSummaryProps {
  /** What the grade is of: "Platform grade", "Grade of this version". */
  gradeLabel: string;
  grade: { grade: string | null; score: number | null } | null;
  counts: SeverityCounts;
  findings: readonly Finding<ProvisionView & { termsType?: string }>[];
  /** The latest substantive change record. */
  lastChange: ChangeRecordListItem | null;
  /** Whether to name the document of each finding and change (a platform has several). */
  showDocument: boolean;
  knowledge: Knowledge;
  /** Turns a site path into the link written (absolute in reports); the path itself by default. */
  href?: (path: string) => string;
}

function LastChange(props: {
  change: ChangeRecordListItem | null;
  showDocument: boolean;
  href: (p: string) => string;
}) {
  const c = props.change;
  if (!c) return <>none since the first recorded version</>;
  return (
    <>
      <a href={props.href(`/changes/${c.id}`)}>{formatDate(c.recordedAt)}</a>
      {props.showDocument ? `, ${c.termsType}` : ""}: <SeverityBadge severity={c.severity} />{" "}
      <code>{formatRecordId("change", c.id)}</code>
      {c.headline ? <p class="lead-line">{excerpt(c.headline, EXCERPT_CHARS)}</p> : null}
    </>
  );
}

export function LeadSummary(props: LeadSummaryProps) {
  const href = props.href ?? ((path: string) => path);
  const { counts } = props;
  return (
    <section class="lead" aria-labelledby="lead-h">
      <h2 id="lead-h">At a glance</h2>
      <dl class="facts">
        <dt>{props.gradeLabel}</dt>
        <dd>
          {props.grade ? <GradeBadge grade={props.grade.grade} score={props.grade.score} /> : "not graded"}
        </dd>
        <dt>In force</dt>
        <dd>
          {counts.high} high, {counts.medium} medium and {counts.low} low severity provisions
        </dd>
        <dt>Last substantive change</dt>
        <dd>
          <LastChange change={props.lastChange} showDocument={props.showDocument} href={href} />
        </dd>
      </dl>
      <h3>
        {props.findings.length > 1
          ? `The ${props.findings.length} most severe findings`
          : "Most severe finding"}
      </h3>
      {props.findings.length === 0 ? (
        <p class="note">No clear finding of any severity.</p>
      ) : (
        <ol class="lead-findings">
          {props.findings.map(({ provision: p, clause }) => (
            <li>
              <a href={href(`/provisions/${p.id}`)}>{clauseTypeName(props.knowledge, clause.type)}</a>{" "}
              <SeverityBadge severity={clause.severity} />
              {props.showDocument && p.termsType ? <span class="meta"> {p.termsType}</span> : null}{" "}
              <code class="meta">{formatRecordId("provision", p.id)}</code>
              <p class="lead-line">{excerpt(p.text, EXCERPT_CHARS)}</p>
            </li>
          ))}
        </ol>
      )}
      <p class="hint">
        Clear findings only (confidence 0.5 or more), one per clause type, most severe first.
      </p>
    </section>
  );
}
