/** The citation record of a page: the labelled block, and the same record in BibTeX and CSL-JSON. */
import { type Citation, citationBibtex, citationCsl, citationText } from "../../citations/index.js";
import { formatTime } from "../format.js";

export function CitationBlock(props: { citation: Citation }) {
  const c = props.citation;
  const api = `/api/v1/citations/${c.recordId}`;
  return (
    <section aria-labelledby="cite-h">
      <h2 id="cite-h">Citation record</h2>
      <dl class="facts">
        <dt>Entity</dt>
        <dd>{c.entity}</dd>
        <dt>Document</dt>
        <dd>{c.document}</dd>
        <dt>Record ID</dt>
        <dd>
          <code>{c.recordId}</code>
        </dd>
        <dt>Captured</dt>
        <dd>{formatTime(c.capturedAt)}</dd>
        <dt>SHA-256</dt>
        <dd class="hash">
          <code>{c.sha256}</code>
        </dd>
        <dt>Source URL</dt>
        <dd class="hash">{c.sourceUrl}</dd>
        <dt>Permanent URL</dt>
        <dd class="hash">
          <a class="cite-url" href={c.url}>
            {c.url}
          </a>
        </dd>
        <dt>Accessed</dt>
        <dd>{c.accessed}</dd>
      </dl>
      <p class="hint">
        The record ID never changes and is never reused. The SHA-256 identifies the exact archived text;
        anyone holding a copy can recompute it.
      </p>
      <details>
        <summary>Plain text</summary>
        <pre>{citationText(c)}</pre>
      </details>
      <details>
        <summary>BibTeX</summary>
        <pre>{citationBibtex(c)}</pre>
      </details>
      <details>
        <summary>CSL-JSON</summary>
        <pre>{JSON.stringify(citationCsl(c), null, 2)}</pre>
      </details>
      <p class="noprint">
        Download: <a href={`${api}?format=text`}>text</a> · <a href={`${api}?format=bibtex`}>BibTeX</a> ·{" "}
        <a href={`${api}?format=csl-json`}>CSL-JSON</a>
      </p>
    </section>
  );
}
