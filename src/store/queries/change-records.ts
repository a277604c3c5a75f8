import { sql } from "kysely";
import type { ChangeDelta, ChangeKind, ProvisionChange, Severity } from "../../model/index.js";
import { parseJson, parseStringArray } from "./json.js";
import { decodeCursor, type SortKey } from "./pagination.js";
import type { QuerySource } from "./query-source.js";
import { SEVERITY_ORDER, toSeverity } from "./severity.js";

/** A change record as listed in timelines. */
export interface ChangeRecordListItem {
  id: number;
  documentId: number;
  platformId: number;
  platformSlug: string;
  platformName: string;
  termsType: string;
  fromVersionId: number | null;
  toVersionId: number;
  recordedAt: string;
  kind: ChangeKind;
  severity: Severity;
  /** One sentence: the most severe delta and how many more (the first summary line for older records). */
  headline: string;
  summary: string[];
}

/** A change record with its clause-level deltas and provision-level changes. */
export interface ChangeRecordDetail extends ChangeRecordListItem {
  deltas: ChangeDelta[];
  provisionChanges: ProvisionChange[];
  computedAt: string;
}

/** Filters of change record listings (newest first). */
export interface ChangeRecordFilter {
  platformIds?: number[];
  documentId?: number;
  /** Minimum severity. */
  minSeverity?: Severity;
  kinds?: ChangeKind[];
  /** Inclusive lower bound on `recordedAt` (ISO date or time). */
  since?: string;
  /** Exclusive upper bound on `recordedAt`. */
  until?: string;
  /** Leave out the "first recorded version" records (default true: they are not changes). */
  changesOnly?: boolean;
  /** Opaque cursor from a previous page. */
  cursor?: string;
  limit?: number;
}

function toKind(value: string): ChangeKind {
  return value === "minor" || value === "technical" ? value : "substantive";
}

function baseQuery(src: QuerySource) {
  return src.db
    .selectFrom("change_records as c")
    .innerJoin("documents as d", "d.id", "c.document_id")
    .innerJoin("platforms as pl", "pl.id", "d.platform_id");
}

type ListRow = {
  id: number;
  document_id: number;
  platform_id: number;
  slug: string;
  name: string;
  terms_type: string;
  from_version_id: number | null;
  to_version_id: number;
  recorded_at: string;
  kind: string;
  severity: string;
  headline: string;
  summary: string;
};

function toItem(r: ListRow): ChangeRecordListItem {
  return {
    id: r.id,
    documentId: r.document_id,
    platformId: r.platform_id,
    platformSlug: r.slug,
    platformName: r.name,
    termsType: r.terms_type,
    fromVersionId: r.from_version_id,
    toVersionId: r.to_version_id,
    recordedAt: r.recorded_at,
    kind: toKind(r.kind),
    severity: toSeverity(r.severity) ?? "low",
    // Records stored before headlines existed have none until `recompute --all`.
    headline: r.headline || (parseStringArray(r.summary)[0] ?? ""),
    summary: parseStringArray(r.summary),
  };
}

const LIST_COLUMNS = [
  "c.id",
  "c.document_id",
  "d.platform_id",
  "pl.slug",
  "pl.name",
  "d.terms_type",
  "c.from_version_id",
  "c.to_version_id",
  "c.recorded_at",
  "c.kind",
  "c.severity",
  "c.headline",
  "c.summary",
] as const;

/** Sort key of a change record in listings, for cursors. */
export function changeRecordKey(item: ChangeRecordListItem): SortKey {
  return { at: item.recordedAt, id: item.id };
}

/** Change records matching the filter, newest first; fetches `limit` rows (ask one more to detect a next page). */
export async function listChangeRecords(
  src: QuerySource,
  filter: ChangeRecordFilter = {},
): Promise<ChangeRecordListItem[]> {
  let query = baseQuery(src).select(LIST_COLUMNS).orderBy("c.recorded_at", "desc").orderBy("c.id", "desc");
  if (filter.changesOnly ?? true) query = query.where("c.from_version_id", "is not", null);
  if (filter.platformIds)
    query = query.where("d.platform_id", "in", filter.platformIds.length ? filter.platformIds : [0]);
  if (filter.documentId !== undefined) query = query.where("c.document_id", "=", filter.documentId);
  if (filter.minSeverity !== undefined) {
    const allowed = SEVERITY_ORDER.slice(0, SEVERITY_ORDER.indexOf(filter.minSeverity) + 1);
    query = query.where("c.severity", "in", [...allowed]);
  }
  if (filter.kinds && filter.kinds.length > 0) query = query.where("c.kind", "in", filter.kinds);
  if (filter.since !== undefined) query = query.where("c.recorded_at", ">=", filter.since);
  if (filter.until !== undefined) query = query.where("c.recorded_at", "<", filter.until);
  if (filter.cursor !== undefined) {
    const key = decodeCursor(filter.cursor);
    query = query.where((eb) =>
      eb.or([
        eb("c.recorded_at", "<", key.at),
        eb.and([eb("c.recorded_at", "=", key.at), eb("c.id", "<", key.id)]),
      ]),
    );
  }
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return (await query.execute()).map(toItem);
}

/** One change record with its provision changes. */
export async function getChangeRecord(src: QuerySource, id: number): Promise<ChangeRecordDetail | undefined> {
  const row = await baseQuery(src)
    .select([...LIST_COLUMNS, "c.deltas", "c.provision_changes", "c.computed_at"])
    .where("c.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...toItem(row),
    deltas: parseJson<ChangeDelta[]>(row.deltas, []),
    provisionChanges: parseJson<ProvisionChange[]>(row.provision_changes, []),
    computedAt: row.computed_at,
  };
}

/** Change records in one month, by severity and kind. */
export interface MonthlyChanges {
  /** "YYYY-MM". */
  month: string;
  high: number;
  medium: number;
  low: number;
  substantive: number;
  total: number;
}

/** Month of a change, as literal SQL: PostgreSQL needs the select and group-by expressions to be identical, parameters included. */
const MONTH = sql<string>`substr(c.recorded_at, 1, 7)`;

/** Changes per month (first versions left out), oldest month first, optionally for some platforms. */
export async function changesPerMonth(
  src: QuerySource,
  platformIds?: readonly number[],
): Promise<MonthlyChanges[]> {
  // No join: a platform filter goes through its document ids, so the whole-archive chart reads one table.
  let query = src.db
    .selectFrom("change_records as c")
    .select((eb) => [MONTH.as("month"), "c.severity", "c.kind", eb.fn.countAll<number>().as("n")])
    .where("c.from_version_id", "is not", null)
    .groupBy([MONTH, "c.severity", "c.kind"]);
  if (platformIds) {
    const platforms = platformIds.length ? [...platformIds] : [0];
    query = query.where("c.document_id", "in", (eb) =>
      eb.selectFrom("documents").select("id").where("platform_id", "in", platforms),
    );
  }
  const rows = await query.execute();
  const months = new Map<string, MonthlyChanges>();
  for (const r of rows) {
    const month = String(r.month);
    let entry = months.get(month);
    if (!entry) {
      entry = { month, high: 0, medium: 0, low: 0, substantive: 0, total: 0 };
      months.set(month, entry);
    }
    const n = Number(r.n);
    const severity = toSeverity(r.severity) ?? "low";
    entry[severity] += n;
    entry.total += n;
    if (r.kind === "substantive") entry.substantive += n;
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}
