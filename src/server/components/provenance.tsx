/** Where a text comes from and how it is proven: live source, capture, last identical capture, hashes. */
import type { VersionEvidence } from "../../store/queries/index.js";
import { formatDate, formatTime, plural } from "../format.js";

/** The first http(s) URL a document is fetched from, if its declaration has one. */
export function liveSourceUrl(sources: readonly { fetch: string }[]): string | null {
  return sources.map((s) => s.fetch).find((url) => /^https?:\/\//i.test(url)) ?? null;
}

interface ProvenanceProps {
  evidence: VersionEvidence;
  textSha256: string;
  liveUrl: string | null;
}

/** Provenance facts of one version, as a definition list. */
export function Provenance(props: ProvenanceProps) {
  return (
    <dl class="facts">
      <ProvenanceFacts {...props} />
    </dl>
  );
}

/** The terms and definitions of the provenance, for a definition list that says more (the document page's). */
export function ProvenanceFacts(props: ProvenanceProps) {
  const e = props.evidence;
  const sourceIsWeb = /^https?:\/\//i.test(e.sourceUrl);
  return (
    <>
      <dt>Live source</dt>
      <dd class="hash">
        {props.liveUrl ? (
          <a href={props.liveUrl} class="ext" rel="nofollow noopener noreferrer">
            {props.liveUrl}
          </a>
        ) : (
          "no live address declared"
        )}
      </dd>
      <dt>Captured</dt>
      <dd>
        {formatTime(e.capturedAt)} by {e.method}
        {e.httpStatus ? ` (HTTP ${e.httpStatus})` : ""}, from{" "}
        <span class="hash">
          {sourceIsWeb ? (
            <a href={e.sourceUrl} class="ext" rel="nofollow noopener noreferrer">
              {e.sourceUrl}
            </a>
          ) : (
            e.sourceUrl
          )}
        </span>
      </dd>
      <dt>Last verified</dt>
      <dd>
        {e.verificationCount === 0
          ? "not re-captured since"
          : `${formatDate(e.lastVerifiedAt)} (latest of ${plural(e.verificationCount, "identical capture")})`}
      </dd>
      <dt>Text SHA-256</dt>
      <dd class="hash">
        <code>{props.textSha256}</code>
      </dd>
      <dt>Snapshot SHA-256</dt>
      <dd class="hash">
        <code>{e.snapshotSha256}</code> ({plural(e.size, "byte")}, {e.mimeType})
      </dd>
      <dt>Archived copy</dt>
      <dd>
        <a href={`/archive/${e.snapshotSha256}`}>The captured bytes</a>
        {e.warcFile ? (
          <>
            {" "}
            (also in WARC file <code class="hash">{e.warcFile}</code>)
          </>
        ) : e.warcRecordId !== null ? (
          <> (also as WARC record {e.warcRecordId} of the archive database)</>
        ) : null}
      </dd>
    </>
  );
}
