import type { Platform } from "../../model/index.js";
import type { ChangeRecordListItem } from "../../store/queries/index.js";
import { ChangeItem } from "../components/change-item.js";
import { PlatformSelect, SeveritySelect } from "../components/filter-fields.js";
import { Layout } from "../components/layout.js";
import { Pager, withQuery } from "../components/pagination.js";
import { SITE_FEED } from "../feeds.js";

export interface ChangesFilter {
  platform?: string | undefined;
  severity?: string | undefined;
  kind?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

export function ChangesPage(props: {
  items: ChangeRecordListItem[];
  nextCursor: string | null;
  filter: ChangesFilter;
  platforms: Platform[];
  paged: boolean;
}) {
  const f = props.filter;
  return (
    <Layout
      title="Change records"
      section="changes"
      feed={SITE_FEED}
      description="Every recorded change of the tracked documents, newest first."
    >
      <h1>Change records</h1>
      <form class="filters" method="get" action="/changes" aria-label="Filter change records">
        <PlatformSelect
          id="c-platform"
          name="platform"
          label="Platform"
          value={f.platform}
          platforms={props.platforms}
          anyLabel="Any platform"
        />
        <SeveritySelect id="c-sev" value={f.severity} />
        <label for="c-kind">
          Kind
          <select id="c-kind" name="kind">
            <option value="">Any kind</option>
            {["substantive", "minor", "technical"].map((k) => (
              <option value={k} selected={f.kind === k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label for="c-since">
          From
          <input id="c-since" type="date" name="since" value={f.since ?? ""} />
        </label>
        <label for="c-until">
          Before
          <input id="c-until" type="date" name="until" value={f.until ?? ""} />
        </label>
        <button type="submit">Filter</button>
      </form>
      <p class="hint">Severity filters show that severity and above. Newest first.</p>
      {props.items.length === 0 ? (
        <p class="note">No change record matches.</p>
      ) : (
        <ul class="cards">
          {props.items.map((c) => (
            <ChangeItem change={c} />
          ))}
        </ul>
      )}
      <Pager
        label="Change record pages"
        previousLabel="Newest"
        previous={props.paged ? withQuery("/changes", { ...f }) : null}
        next={props.nextCursor ? withQuery("/changes", { ...f, cursor: props.nextCursor }) : null}
      />
      <p>
        Download: <a href={withQuery("/api/v1/change-records", { ...f, format: "csv" })}>CSV</a> ·{" "}
        <a href={withQuery("/api/v1/change-records", { ...f })}>JSON</a> ·{" "}
        <a href={SITE_FEED.href}>Atom feed</a> of substantive changes
      </p>
    </Layout>
  );
}
