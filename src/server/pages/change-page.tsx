import { countChanges, formatCounts } from "../../changes/counts.js";
import type { Citation } from "../../citations/index.js";
import { formatRecordId } from "../../citations/index.js";
import type { ProvisionChange } from "../../model/index.js";
import type { ChangeRecordDetail, VersionProof } from "../../store/queries/index.js";
import { KindTag, SeverityBadge } from "../components/badges.js";
import { CitationBlock } from "../components/citation-block.js";
import { Layout } from "../components/layout.js";
import { Provenance } from "../components/provenance.js";
import { SummaryLine } from "../components/summary-line.js";
import { WordDiff } from "../components/word-diff.js";
import { capitalize, documentTitle, formatDate, formatTime, plural } from "../format.js";
import { clauseTypeName, type Knowledge } from "../knowledge.js";
import type { ChangeView } from "../views/change-view.js";

const ORDER = { substantive: 0, minor: 1, technical: 2 } as const;
const SEVERITY = { high: 0, medium: 1, low: 2 } as const;

function ChangeEntry(props: {
  change: ProvisionChange;
  record: ChangeRecordDetail;
  knowledge: Knowledge;
  n: number;
}) {
  const c = props.change;
  const r = props.record;
  const afterLink =
    c.afterIndex !== null && c.afterIndex !== undefined
      ? `/documents/${r.documentId}?version=${r.toVersionId}#p-${c.afterIndex}`
      : null;
  const beforeLink =
    r.fromVersionId !== null && c.beforeIndex !== null && c.beforeIndex !== undefined
      ? `/documents/${r.documentId}?version=${r.fromVersionId}#p-${c.beforeIndex}`
      : null;
  return (
    <li class="card">
      <h3>
        {props.n}. {capitalize(c.change)} provision
        {c.change === "moved" &&
        c.beforeIndex !== null &&
        c.beforeIndex !== undefined &&
        c.afterIndex !== null &&
        c.afterIndex !== undefined
          ? ` (from position ${c.beforeIndex + 1} to ${c.afterIndex + 1})`
          : ""}
      </h3>
      <p class="meta">
        {c.severity ? <SeverityBadge severity={c.severity} /> : null}
        {c.kind ? <KindTag kind={c.kind} /> : null}
        {c.clauses.length > 0 ? (
          <span>{c.clauses.map((t) => clauseTypeName(props.knowledge, t)).join(", ")}</span>
        ) : null}
      </p>
      <WordDiff before={c.before} after={c.after} />
      <p class="meta">
        {beforeLink ? <a href={beforeLink}>Before, in context</a> : null}
        {afterLink ? <a href={afterLink}>After, in context</a> : null}
      </p>
    </li>
  );
}

/** One version's source and proof, headed by which side of the change it is. */
function VersionSource(props: {
  label: string;
  version: VersionProof;
  documentId: number;
  liveUrl: string | null;
  id: string;
}) {
  const v = props.version;
  return (
    <section aria-labelledby={props.id}>
      <h3 id={props.id}>
        {props.label}:{" "}
        <a href={`/documents/${props.documentId}?version=${v.id}`}>version of {formatDate(v.recordedAt)}</a>{" "}
        <code>{formatRecordId("version", v.id)}</code>
      </h3>
      <Provenance evidence={v.evidence} textSha256={v.sha256} liveUrl={props.liveUrl} />
    </section>
  );
}

export function ChangePage(props: { view: ChangeView; knowledge: Knowledge; citation: Citation }) {
  const { record: r, before, after, liveUrl } = props.view;
  const docTitle = documentTitle(r.platformName, r.termsType);
  const first = r.fromVersionId === null;
  const changes = [...r.provisionChanges].sort(
    (a, b) =>
      ORDER[a.kind ?? "substantive"] - ORDER[b.kind ?? "substantive"] ||
      SEVERITY[a.severity ?? "low"] - SEVERITY[b.severity ?? "low"],
  );
  return (
    <Layout
      title={
        first
          ? `${docTitle} — first recorded version of ${formatDate(r.recordedAt)}`
          : `${docTitle}: ${r.headline} (${formatDate(r.recordedAt)})`
      }
      section="changes"
      description={r.summary.slice(0, 2).join(" ")}
      crumbs={[
        { href: "/platforms", label: "Platforms" },
        { href: `/platforms/${r.platformSlug}`, label: r.platformName },
        { href: `/documents/${r.documentId}`, label: r.termsType },
        { label: formatRecordId("change", r.id) },
      ]}
    >
      <h1>
        {docTitle}: {first ? "first recorded version" : "change"} of {formatDate(r.recordedAt)}
      </h1>
      <p class="meta">
        {first ? <span class="tag">First version</span> : <SeverityBadge severity={r.severity} />}
        {first ? null : <KindTag kind={r.kind} />}
        <span>{formatCounts(countChanges(r.provisionChanges))}</span>
      </p>
      <section aria-labelledby="summary-h">
        <h2 id="summary-h">Summary</h2>
        <ul>
          {r.summary.map((line) => (
            <li>
              <SummaryLine line={line} />
            </li>
          ))}
        </ul>
        <p class="hint">
          {r.kind === "substantive"
            ? "Substantive: the platform changed what the document says."
            : r.kind === "minor"
              ? "Minor: dates, typos, links, formatting, or a return to a text published before; no alert is sent by default."
              : "Technical: only the extraction of the page changed, not the platform's text."}
        </p>
        <p>
          {r.fromVersionId !== null ? (
            <>
              <a href={`/documents/${r.documentId}?version=${r.fromVersionId}`}>Version before</a> ·{" "}
            </>
          ) : null}
          <a href={`/documents/${r.documentId}?version=${r.toVersionId}`}>Version after</a> · Computed{" "}
          {formatTime(r.computedAt)}
        </p>
      </section>
      {changes.length > 0 ? (
        <section aria-labelledby="diff-h">
          <h2 id="diff-h">Provision by provision ({plural(changes.length, "change")})</h2>
          <p class="hint">
            Inserted words are <ins>underlined in green</ins>, deleted words <del>struck through in red</del>.
          </p>
          <ol class="cards">
            {changes.map((c, i) => (
              <ChangeEntry change={c} record={r} knowledge={props.knowledge} n={i + 1} />
            ))}
          </ol>
        </section>
      ) : null}
      <section aria-labelledby="source-h">
        <h2 id="source-h">Source and proof</h2>
        <div class="grid2">
          {before ? (
            <VersionSource
              label="Before"
              version={before}
              documentId={r.documentId}
              liveUrl={liveUrl}
              id="source-before-h"
            />
          ) : null}
          <VersionSource
            label={before ? "After" : "Version"}
            version={after}
            documentId={r.documentId}
            liveUrl={liveUrl}
            id="source-after-h"
          />
        </div>
      </section>
      <CitationBlock citation={props.citation} />
    </Layout>
  );
}
