import { type RawBuilder, sql } from "kysely";
import type { Severity } from "../../model/index.js";
import { parseStringArray } from "./json.js";
import type { NumberedPage } from "./pagination.js";
import type { QuerySource } from "./query-source.js";
import { toSeverity } from "./severity.js";

/** Marks around matched words in snippets: control characters that never occur in archived text. */
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_END = "\u0003";

/** A full-text search over provisions. */
export interface SearchFilter {
  /** What the user typed: words (all must match) and "quoted phrases". */
  query: string;
  clauseType?: string;
  severity?: Severity;
  platformIds?: number[];
  /** Inclusive lower bound on the version date (ISO date). */
  since?: string;
  /** Exclusive upper bound on the version date. */
  until?: string;
  /** "current" (default): the newest analysed version of each document; "all": every version ever archived. */
  scope?: "current" | "all";
  page: number;
  pageSize: number;
}

/** One matching provision with a highlighted snippet. */
export interface SearchHit {
  provisionId: number;
  versionId: number;
  documentId: number;
  platformSlug: string;
  platformName: string;
  termsType: string;
  recordedAt: string;
  headingPath: string[];
  maxSeverity: Severity | null;
  /** Clause types the provision is classified under, sorted, each once. */
  clauseTypes: string[];
  /** Text around the matches, matched words between HIGHLIGHT_START and HIGHLIGHT_END. */
  snippet: string;
}

const MAX_TERMS = 12;

/** Words and quoted phrases of a query, lower-cased; control characters and operators are dropped. */
export function searchTerms(query: string): string[] {
  const terms: string[] = [];
  for (const match of query.matchAll(/"([^"]*)"|([^\s"]+)/g)) {
    const words = (match[1] ?? match[2] ?? "").toLowerCase().match(/[\p{L}\p{N}]+/gu);
    if (words && words.length > 0) terms.push(words.join(" "));
    if (terms.length >= MAX_TERMS) break;
  }
  return terms;
}

/** FTS5 MATCH expression: every term as a quoted string (phrase or word), implicitly AND-ed; no user syntax reaches FTS5. */
function fts5Expression(terms: readonly string[]): string {
  return terms.map((t) => `"${t}"`).join(" ");
}

/** PostgreSQL tsquery source text for websearch_to_tsquery, rebuilt from the same terms. */
function websearchText(terms: readonly string[]): string {
  return terms.map((t) => (t.includes(" ") ? `"${t}"` : t)).join(" ");
}

interface HitRow {
  id: number;
  version_id: number;
  document_id: number;
  slug: string;
  name: string;
  terms_type: string;
  recorded_at: string;
  heading_path: string;
  max_severity: string | null;
  snippet: string;
}

/** True when the filter searches the provisions in force (the default) rather than every version. */
function searchesCurrent(filter: SearchFilter): boolean {
  return (filter.scope ?? "current") === "current";
}

/**
 * The versions the filter restricts the search to, as a SQL set of version ids; null when there is no
 * restriction beyond the index searched (every version, or the current-provision index).
 */
async function versionScope(src: QuerySource, filter: SearchFilter): Promise<RawBuilder<unknown> | null> {
  const current = searchesCurrent(filter);
  const dated = filter.since !== undefined || filter.until !== undefined;
  if (!dated && !filter.platformIds) return null;
  let query = src.db.selectFrom("versions as v").select("v.id");
  // The current scope is the indexed head of each document (see search_heads), so filters apply to those.
  if (current) query = query.where("v.id", "in", (eb) => eb.selectFrom("search_heads").select("version_id"));
  if (filter.platformIds) {
    const platforms = filter.platformIds.length ? filter.platformIds : [0];
    query = query.where("v.document_id", "in", (eb) =>
      eb.selectFrom("documents").select("id").where("platform_id", "in", platforms),
    );
  }
  if (filter.since !== undefined) query = query.where("v.recorded_at", ">=", filter.since);
  if (filter.until !== undefined) query = query.where("v.recorded_at", "<", filter.until);
  const ids = (await query.execute()).map((r) => r.id);
  return sql.join(ids.length ? ids : [0]);
}

/** Conditions on provisions `p` that the filter asks for, all on indexed columns (no joins). */
async function provisionConditions(src: QuerySource, filter: SearchFilter): Promise<RawBuilder<unknown>[]> {
  const conditions: RawBuilder<unknown>[] = [];
  const versions = await versionScope(src, filter);
  const current = searchesCurrent(filter);
  // Without a version filter, the current scope still bounds the candidates to the indexed heads: a set built
  // from every version's provisions would cost more than the search it narrows.
  const scope = versions ?? (current ? sql`select version_id from search_heads` : null);
  if (filter.severity) conditions.push(sql`p.max_severity = ${filter.severity}`);
  if (filter.clauseType) {
    const inVersions = scope ? sql` and c.version_id in (${scope})` : sql``;
    conditions.push(
      sql`p.id in (select c.provision_id from classifications c where c.type = ${filter.clauseType}${inVersions})`,
    );
  }
  if (scope && (versions || conditions.length > 0)) conditions.unshift(sql`p.version_id in (${scope})`);
  return conditions;
}

/** The clause types of each provision in `ids`, read in one query for the whole page of hits. */
async function clauseTypesOf(src: QuerySource, ids: readonly number[]): Promise<Map<number, string[]>> {
  const rows = await src.db
    .selectFrom("classifications")
    .select(["provision_id", "type"])
    .distinct()
    .where("provision_id", "in", ids)
    .orderBy("provision_id")
    .orderBy("type")
    .execute();
  const types = new Map<number, string[]>();
  for (const r of rows) {
    const id = Number(r.provision_id);
    types.set(id, [...(types.get(id) ?? []), r.type]);
  }
  return types;
}

/**
 * Full-text search (SQLite FTS5 with porter stemming, PostgreSQL `english` text search), best match first.
 * Ranking and counting read only the index and the filter's candidate ids; provision rows, joins and
 * snippets are read for the page of results alone, so cost follows the number of matches, not table size.
 */
export async function searchProvisions(
  src: QuerySource,
  filter: SearchFilter,
): Promise<NumberedPage<SearchHit>> {
  const terms = searchTerms(filter.query);
  const empty = { items: [], page: filter.page, pageSize: filter.pageSize, total: 0 };
  if (terms.length === 0) return empty;
  const conditions = await provisionConditions(src, filter);
  const current = searchesCurrent(filter);
  const offset = (filter.page - 1) * filter.pageSize;

  let ids: number[];
  let total: number;
  const snippets = new Map<number, string>();
  if (src.dialect === "sqlite") {
    const match = fts5Expression(terms);
    // Current provisions have their own, twenty times smaller index: ranking reads only what may be shown.
    const fts = sql.table(current ? "current_provisions_fts" : "provisions_fts");
    // Candidates as a rowid set: FTS5 yields rowids, the IN list is probed without touching provision rows.
    // The unary + keeps the rowid test away from FTS5's planner, which would otherwise run one full-text
    // query per candidate (seconds) instead of one query filtered against the candidate set (milliseconds).
    const candidates = conditions.length
      ? sql` and +${fts}.rowid in (select p.id from provisions p where ${sql.join(conditions, sql` and `)})`
      : sql``;
    const where = sql`${fts} match ${match}${candidates}`;
    // Snippets in the ranking query: SQLite computes them for the rows of the page only, whereas a second
    // query on `rowid in (…)` ran the full-text query once per id (half the page's time).
    const [page, count] = await Promise.all([
      sql<{ id: number; snippet: string }>`select ${fts}.rowid as id,
          snippet(${fts}, 0, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 28) as snippet
        from ${fts} where ${where}
        order by bm25(${fts}), ${fts}.rowid limit ${filter.pageSize} offset ${offset}`.execute(src.db),
      sql<{ n: number }>`select count(*) as n from ${fts} where ${where}`.execute(src.db),
    ]);
    ids = page.rows.map((r) => Number(r.id));
    total = Number(count.rows[0]?.n ?? 0);
    for (const r of page.rows) snippets.set(Number(r.id), r.snippet);
  } else {
    const text = websearchText(terms);
    const query = sql`websearch_to_tsquery('english', ${text})`;
    // `searchable` marks current provisions, which have their own partial index.
    const where = sql`${current ? sql`p.searchable and ` : sql``}p.search_vector @@ ${query}${conditions.length ? sql` and ${sql.join(conditions, sql` and `)}` : sql``}`;
    const [page, count] = await Promise.all([
      sql<{ id: number }>`select p.id from provisions p where ${where}
        order by ts_rank(p.search_vector, ${query}) desc, p.id limit ${filter.pageSize} offset ${offset}`.execute(
        src.db,
      ),
      sql<{ n: number }>`select count(*) as n from provisions p where ${where}`.execute(src.db),
    ]);
    ids = page.rows.map((r) => Number(r.id));
    total = Number(count.rows[0]?.n ?? 0);
    if (ids.length > 0) {
      const found = await sql<{
        id: number;
        snippet: string;
      }>`select p.id, ts_headline('english', p.text, ${query},
          'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=40, MinWords=18, MaxFragments=2, FragmentDelimiter=" … "') as snippet
        from provisions p where p.id in (${sql.join(ids)})`.execute(src.db);
      for (const r of found.rows) snippets.set(Number(r.id), r.snippet);
    }
  }
  if (ids.length === 0) return { ...empty, total };
  const details = await sql<
    Omit<HitRow, "snippet">
  >`select p.id, p.version_id, p.document_id, pl.slug, pl.name, d.terms_type,
      v.recorded_at, p.heading_path, p.max_severity
    from provisions p join documents d on d.id = p.document_id join platforms pl on pl.id = d.platform_id
      join versions v on v.id = p.version_id
    where p.id in (${sql.join(ids)})`.execute(src.db);
  const byId = new Map(details.rows.map((r) => [Number(r.id), r]));
  const types = await clauseTypesOf(src, ids);
  return {
    page: filter.page,
    pageSize: filter.pageSize,
    total,
    items: ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      return [
        {
          provisionId: id,
          versionId: Number(r.version_id),
          documentId: Number(r.document_id),
          platformSlug: r.slug,
          platformName: r.name,
          termsType: r.terms_type,
          recordedAt: r.recorded_at,
          headingPath: parseStringArray(r.heading_path),
          maxSeverity: toSeverity(r.max_severity),
          clauseTypes: types.get(id) ?? [],
          snippet: snippets.get(id) ?? "",
        },
      ];
    }),
  };
}
