import { formatRecordId } from "../../citations/index.js";
import { SeverityBadge } from "../components/badges.js";
import { ClauseTypeSelect, PlatformSelect, SeveritySelect } from "../components/filter-fields.js";
import { plainInline } from "../components/inline-text.js";
import { Layout } from "../components/layout.js";
import { Pager, withQuery } from "../components/pagination.js";
import { Snippet } from "../components/snippet.js";
import { documentTitle, formatDate } from "../format.js";
import { clauseTypeName, type Knowledge } from "../knowledge.js";
import type { SearchView } from "../views/search-view.js";

export function SearchPage(props: { view: SearchView; knowledge: Knowledge }) {
  const { params: p, results, platforms } = props.view;
  const query = {
    q: p.q,
    type: p.type,
    severity: p.severity,
    platform: p.platform,
    since: p.since,
    until: p.until,
    scope: p.scope,
  };
  const page = results?.page ?? 1;
  const pages = results ? Math.ceil(results.total / results.pageSize) : 0;
  return (
    <Layout
      title={p.q ? `Search: ${p.q}` : "Search"}
      section="search"
      description="Full-text search over every provision."
    >
      <h1>Search provisions</h1>
      <search>
        <form class="filters" method="get" action="/search" aria-label="Search provisions">
          <label for="s-q">
            Words or "a phrase"
            <input id="s-q" type="search" name="q" value={p.q ?? ""} maxlength={200} size={32} />
          </label>
          <ClauseTypeSelect id="s-type" value={p.type} knowledge={props.knowledge} />
          <SeveritySelect id="s-sev" value={p.severity} />
          <PlatformSelect
            id="s-platform"
            name="platform"
            label="Platform"
            value={p.platform}
            platforms={platforms}
            anyLabel="Any platform"
          />
          <label for="s-since">
            Versions from
            <input id="s-since" type="date" name="since" value={p.since ?? ""} />
          </label>
          <label for="s-until">
            Versions before
            <input id="s-until" type="date" name="until" value={p.until ?? ""} />
          </label>
          <label for="s-scope">
            Versions
            <select id="s-scope" name="scope">
              <option value="current" selected={p.scope !== "all"}>
                In force
              </option>
              <option value="all" selected={p.scope === "all"}>
                All archived
              </option>
            </select>
          </label>
          <button type="submit">Search</button>
        </form>
      </search>
      {results === null ? (
        <p class="note">
          All words must appear (stemmed: “share” finds “sharing”). Put a phrase in double quotes.
        </p>
      ) : (
        <section aria-labelledby="results-h">
          <h2 id="results-h">
            {results.total === 0
              ? "No provision matches"
              : `${results.total} matching provision${results.total === 1 ? "" : "s"}`}
            {pages > 1 ? ` — page ${page} of ${pages}` : ""}
          </h2>
          <ol class="cards" start={(page - 1) * results.pageSize + 1}>
            {results.items.map((hit) => (
              <li class="card">
                <h3>
                  <a href={`/provisions/${hit.provisionId}`}>
                    {documentTitle(hit.platformName, hit.termsType)}
                    {hit.headingPath
                      .map(plainInline)
                      .filter((h) => h !== "")
                      .map((h) => ` › ${h}`)
                      .join("")}
                  </a>
                </h3>
                <p class="meta">
                  <SeverityBadge severity={hit.maxSeverity} />
                  <span>version of {formatDate(hit.recordedAt)}</span>
                  <a href={`/records/${formatRecordId("provision", hit.provisionId)}`}>
                    {formatRecordId("provision", hit.provisionId)}
                  </a>
                </p>
                {hit.clauseTypes.length > 0 ? (
                  <ul class="legend" aria-label="Clause types">
                    {hit.clauseTypes.map((t) => (
                      <li class="tag">
                        <a href={`/clause-types/${t}`}>{clauseTypeName(props.knowledge, t)}</a>
                      </li>
                    ))}
                  </ul>
                ) : null}
                <p>
                  <Snippet text={hit.snippet} />
                </p>
              </li>
            ))}
          </ol>
          <Pager
            label="Result pages"
            previous={page > 1 ? withQuery("/search", { ...query, page: page - 1 }) : null}
            next={page < pages ? withQuery("/search", { ...query, page: page + 1 }) : null}
          />
          <p>
            Download: <a href={withQuery("/api/v1/search", { ...query, format: "csv" })}>CSV</a> ·{" "}
            <a href={withQuery("/api/v1/search", { ...query })}>JSON</a>
          </p>
        </section>
      )}
    </Layout>
  );
}
