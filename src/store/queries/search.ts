import { type RawBuilder, sql } from "kysely";
import type { Severity } from "../../model/index.js";
import { currentVersions, versionIdList } from "./current-versions.js";
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
  /** "current" (default): versions in force; "all": every version ever archived. */
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

/** Full-text search (SQLite FTS5 with porter stemming, PostgreSQL `english` text search), best match first. */
export async function searchProvisions(
  src: QuerySource,
  filter: SearchFilter,
): Promise<NumberedPage<SearchHit>> {
  const terms = searchTerms(filter.query);
  const empty = { items: [], page: filter.page, pageSize: filter.pageSize, total: 0 };
  if (terms.length === 0) return empty;
  const conditions: RawBuilder<unknown>[] = [];
  if ((filter.scope ?? "current") === "current") {
    const current = await currentVersions(src, filter.platformIds);
    conditions.push(sql`p.version_id in (${sql.join(versionIdList(current))})`);
  }
  if (filter.platformIds)
    conditions.push(
      sql`d.platform_id in (${sql.join(filter.platformIds.length ? filter.platformIds : [0])})`,
    );
  if (filter.severity) conditions.push(sql`p.max_severity = ${filter.severity}`);
  if (filter.clauseType) {
    conditions.push(
      sql`exists (select 1 from classifications c where c.provision_id = p.id and c.type = ${filter.clauseType})`,
    );
  }
  if (filter.since) conditions.push(sql`v.recorded_at >= ${filter.since}`);
  if (filter.until) conditions.push(sql`v.recorded_at < ${filter.until}`);
  const offset = (filter.page - 1) * filter.pageSize;
  const columns = sql`p.id, p.version_id, p.document_id, pl.slug, pl.name, d.terms_type, v.recorded_at, p.heading_path, p.max_severity`;
  const joins = sql`join documents d on d.id = p.document_id join platforms pl on pl.id = d.platform_id join versions v on v.id = p.version_id`;
  const extra = conditions.length ? sql` and ${sql.join(conditions, sql` and `)}` : sql``;

  let rows: HitRow[];
  let total: number;
  if (src.dialect === "sqlite") {
    const match = fts5Expression(terms);
    const where = sql`provisions_fts match ${match}${extra}`;
    const result = await sql<HitRow>`select ${columns},
        snippet(provisions_fts, 0, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 28) as snippet
      from provisions_fts join provisions p on p.id = provisions_fts.rowid ${joins}
      where ${where} order by bm25(provisions_fts), p.id limit ${filter.pageSize} offset ${offset}`.execute(
      src.db,
    );
    rows = result.rows;
    const count = await sql<{ n: number }>`select count(*) as n
      from provisions_fts join provisions p on p.id = provisions_fts.rowid ${joins} where ${where}`.execute(
      src.db,
    );
    total = Number(count.rows[0]?.n ?? 0);
  } else {
    const text = websearchText(terms);
    const where = sql`to_tsvector('english', p.text) @@ websearch_to_tsquery('english', ${text})${extra}`;
    const result = await sql<Omit<HitRow, "snippet"> & { text: string }>`select ${columns}, p.text
      from provisions p ${joins}
      where ${where}
      order by ts_rank(to_tsvector('english', p.text), websearch_to_tsquery('english', ${text})) desc, p.id
      limit ${filter.pageSize} offset ${offset}`.execute(src.db);
    const headlines = result.rows.length
      ? await sql<{
          id: number;
          snippet: string;
        }>`select p.id, ts_headline('english', p.text, websearch_to_tsquery('english', ${text}),
            'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=40, MinWords=18, MaxFragments=2, FragmentDelimiter=" … "') as snippet
          from provisions p where p.id in (${sql.join(result.rows.map((r) => r.id))})`.execute(src.db)
      : { rows: [] };
    const byId = new Map(headlines.rows.map((h) => [h.id, h.snippet]));
    rows = result.rows.map(({ text: _, ...r }) => ({ ...r, snippet: byId.get(r.id) ?? "" }));
    const count = await sql<{
      n: number;
    }>`select count(*) as n from provisions p ${joins} where ${where}`.execute(src.db);
    total = Number(count.rows[0]?.n ?? 0);
  }
  return {
    page: filter.page,
    pageSize: filter.pageSize,
    total,
    items: rows.map((r) => ({
      provisionId: Number(r.id),
      versionId: Number(r.version_id),
      documentId: Number(r.document_id),
      platformSlug: r.slug,
      platformName: r.name,
      termsType: r.terms_type,
      recordedAt: r.recorded_at,
      headingPath: parseStringArray(r.heading_path),
      maxSeverity: toSeverity(r.max_severity),
      snippet: r.snippet,
    })),
  };
}
