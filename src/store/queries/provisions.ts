import type { Severity } from "../../model/index.js";
import { type ClauseView, clausesOf, clausesOfVersion } from "./clauses.js";
import { currentVersions, versionIdList } from "./current-versions.js";
import { parseStringArray } from "./json.js";
import type { QuerySource } from "./query-source.js";
import { emptyCounts, type SeverityCounts, severityRank, toSeverity } from "./severity.js";

/** A stored provision with its clause types. Offsets are into the version text. */
export interface ProvisionView {
  id: number;
  versionId: number;
  documentId: number;
  index: number;
  key: string;
  headingPath: string[];
  start: number;
  end: number;
  text: string;
  maxSeverity: Severity | null;
  clauses: ClauseView[];
}

/** A provision with where it comes from. */
export interface ProvisionListItem extends ProvisionView {
  platformId: number;
  platformSlug: string;
  platformName: string;
  termsType: string;
  recordedAt: string;
}

/** A provision with whether it is still in force. */
export interface ProvisionDetail extends ProvisionListItem {
  /** The sector the platform's record names, if any (explanations word themselves for it). */
  platformSector: string | null;
  versionSha256: string;
  /** The document's current version; equal to `versionId` when the provision is in force. */
  currentVersionId: number | null;
}

/** Filters of provision listings. */
export interface ProvisionFilter {
  platformIds?: number[];
  documentId?: number;
  versionId?: number;
  clauseType?: string;
  severity?: Severity;
  /** "current" (default): only versions in force; "all": every version. */
  scope?: "current" | "all";
  /** Provisions with a larger id than this (cursor; only with the default id order). */
  afterId?: number;
  /** Most severe first (then document order) instead of by id; page with `offset`. */
  bySeverity?: boolean;
  offset?: number;
  limit?: number;
}

/** The provision columns every provision read selects. */
export interface ProvisionRowLike {
  id: number;
  version_id: number;
  document_id: number;
  idx: number;
  key: string;
  heading_path: string;
  start_offset: number;
  end_offset: number;
  text: string;
  max_severity: string | null;
}

/** A provision row and its classifications as a view. */
export function toView(r: ProvisionRowLike, clauses: Map<number, ClauseView[]>): ProvisionView {
  return {
    id: r.id,
    versionId: r.version_id,
    documentId: r.document_id,
    index: Number(r.idx),
    key: r.key,
    headingPath: parseStringArray(r.heading_path),
    start: Number(r.start_offset),
    end: Number(r.end_offset),
    text: r.text,
    maxSeverity: toSeverity(r.max_severity),
    clauses: clauses.get(r.id) ?? [],
  };
}

/**
 * The provisions of a version that overlap `range` (default: all of them), in reading order, with clause
 * types: the document page reads those of the page it shows.
 */
export async function provisionsOfVersion(
  src: QuerySource,
  versionId: number,
  range?: { start: number; end: number },
): Promise<ProvisionView[]> {
  let query = src.db.selectFrom("provisions").selectAll().where("version_id", "=", versionId);
  if (range) query = query.where("start_offset", "<", range.end).where("end_offset", ">", range.start);
  const rows = await query
    .orderBy(range ? "start_offset" : "idx")
    .orderBy("idx")
    .execute();
  const clauses = range
    ? await clausesOf(
        src,
        rows.map((r) => r.id),
      )
    : await clausesOfVersion(src, versionId);
  return rows.map((r) => toView(r, clauses));
}

/** The largest start of a provision of the version in (after, upTo], if any (where a page of its text ends). */
export async function lastProvisionStart(
  src: QuerySource,
  versionId: number,
  after: number,
  upTo: number,
): Promise<number | undefined> {
  const row = await src.db
    .selectFrom("provisions")
    .select((eb) => eb.fn.max("start_offset").as("start"))
    .where("version_id", "=", versionId)
    .where("start_offset", ">", after)
    .where("start_offset", "<=", upTo)
    .executeTakeFirst();
  return row?.start === null || row?.start === undefined ? undefined : Number(row.start);
}

/** How many provisions a version has, and how many of them rank high, medium and low. */
export async function provisionCounts(
  src: QuerySource,
  versionId: number,
): Promise<SeverityCounts & { total: number }> {
  const rows = await src.db
    .selectFrom("provisions")
    .select(["max_severity", (eb) => eb.fn.countAll<number>().as("n")])
    .where("version_id", "=", versionId)
    .groupBy("max_severity")
    .execute();
  const counts = { ...emptyCounts(), total: 0 };
  for (const r of rows) {
    const severity = toSeverity(r.max_severity);
    counts.total += Number(r.n);
    if (severity) counts[severity] += Number(r.n);
  }
  return counts;
}

/** Provisions with their document, platform and version, for listings. */
export function listQuery(src: QuerySource) {
  return src.db
    .selectFrom("provisions as p")
    .innerJoin("documents as d", "d.id", "p.document_id")
    .innerJoin("platforms as pl", "pl.id", "d.platform_id")
    .innerJoin("versions as v", "v.id", "p.version_id")
    .select([
      "p.id",
      "p.version_id",
      "p.document_id",
      "p.idx",
      "p.key",
      "p.heading_path",
      "p.start_offset",
      "p.end_offset",
      "p.text",
      "p.max_severity",
      "pl.id as platform_id",
      "pl.slug",
      "pl.name",
      "pl.sector",
      "d.terms_type",
      "v.recorded_at",
      "v.sha256 as version_sha256",
    ]);
}

/** Provisions matching the filter, by id (stable for cursors). */
export async function listProvisions(
  src: QuerySource,
  filter: ProvisionFilter,
): Promise<ProvisionListItem[]> {
  // The page is chosen from provision ids and indexed columns alone, then read in full: sorting the matching
  // rows with their text (thousands for a severity across the archive) cost three times more.
  let page = src.db.selectFrom("provisions as p").select("p.id");
  if ((filter.scope ?? "current") === "current" && filter.versionId === undefined) {
    const current = await currentVersions(src, filter.platformIds);
    page = page.where("p.version_id", "in", versionIdList(current));
  } else if (filter.platformIds) {
    const platforms = filter.platformIds.length ? filter.platformIds : [0];
    page = page.where("p.document_id", "in", (eb) =>
      eb.selectFrom("documents").select("id").where("platform_id", "in", platforms),
    );
  }
  if (filter.documentId !== undefined) page = page.where("p.document_id", "=", filter.documentId);
  if (filter.versionId !== undefined) page = page.where("p.version_id", "=", filter.versionId);
  if (filter.severity !== undefined) page = page.where("p.max_severity", "=", filter.severity);
  if (filter.clauseType !== undefined) {
    const type = filter.clauseType;
    page = page.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("classifications as c")
          .select("c.id")
          .whereRef("c.provision_id", "=", "p.id")
          .where("c.type", "=", type),
      ),
    );
  }
  if (filter.afterId !== undefined) page = page.where("p.id", ">", filter.afterId);
  page = filter.bySeverity
    ? page.orderBy(severityRank("p.max_severity"), "desc").orderBy("p.document_id").orderBy("p.idx")
    : page.orderBy("p.id");
  if (filter.limit !== undefined) page = page.limit(filter.limit);
  if (filter.offset) page = page.offset(filter.offset);
  const query = listQuery(src).where("p.id", "in", page);
  const rows = await (filter.bySeverity
    ? query.orderBy(severityRank("p.max_severity"), "desc").orderBy("p.document_id").orderBy("p.idx")
    : query.orderBy("p.id")
  ).execute();
  const clauses = await clausesOf(
    src,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toListItem(r, clauses));
}

/** One row of {@link listQuery}. */
type ListRow = Awaited<ReturnType<ReturnType<typeof listQuery>["execute"]>>[number];

/**
 * A listing row of {@link listQuery} with its clauses, as a listing item. Fields are added to the view, not
 * spread with it: on Node 20 an object spread followed by more properties costs about a microsecond per
 * property, most of a listing's mapping time.
 */
export function toListItem(r: ListRow, clauses: Map<number, ClauseView[]>): ProvisionListItem {
  return Object.assign(toView(r, clauses), {
    platformId: r.platform_id,
    platformSlug: r.slug,
    platformName: r.name,
    termsType: r.terms_type,
    recordedAt: r.recorded_at,
  });
}

/** One provision with its source and whether it is still in force. */
export async function getProvision(src: QuerySource, id: number): Promise<ProvisionDetail | undefined> {
  const row = await listQuery(src).where("p.id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const [clauses, current] = await Promise.all([
    clausesOf(src, [row.id]),
    src.db
      .selectFrom("versions")
      .select("id")
      .where("document_id", "=", row.document_id)
      .orderBy("recorded_at", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst(),
  ]);
  return Object.assign(toListItem(row, clauses), {
    platformSector: row.sector,
    versionSha256: row.version_sha256,
    currentVersionId: current?.id ?? null,
  });
}
