import { sql } from "kysely";
import type { ClassificationReason, Polarity, Severity } from "../../model/index.js";
import { currentVersions, versionIdList } from "./current-versions.js";
import { parseJson, parseStringArray } from "./json.js";
import type { QuerySource } from "./query-source.js";
import { severityRank, toSeverity } from "./severity.js";

/** A stored classification of a provision. Evidence offsets are into the version text. */
export interface ClauseView {
  id: number;
  provisionId: number;
  type: string;
  confidence: number;
  polarity: Polarity;
  severity: Severity;
  evidenceStart: number;
  evidenceEnd: number;
  source: string;
  reasons: ClassificationReason[];
}

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
  /** Provisions with a larger id than this (cursor). */
  afterId?: number;
  limit?: number;
}

function toPolarity(value: string): Polarity {
  return value === "protective" || value === "concerning" ? value : "neutral";
}

/** Classifications of the given provisions, strongest first within each provision. */
export async function clausesOf(
  src: QuerySource,
  provisionIds: readonly number[],
): Promise<Map<number, ClauseView[]>> {
  const out = new Map<number, ClauseView[]>();
  if (provisionIds.length === 0) return out;
  const rows = await src.db
    .selectFrom("classifications")
    .selectAll()
    .where("provision_id", "in", [...provisionIds])
    .orderBy("provision_id")
    .orderBy(severityRank("severity"), "desc")
    .orderBy("confidence", "desc")
    .execute();
  for (const r of rows) {
    const clause: ClauseView = {
      id: r.id,
      provisionId: r.provision_id,
      type: r.type,
      confidence: Number(r.confidence),
      polarity: toPolarity(r.polarity),
      severity: toSeverity(r.severity) ?? "low",
      evidenceStart: Number(r.evidence_start),
      evidenceEnd: Number(r.evidence_end),
      source: r.source,
      reasons: parseJson<ClassificationReason[]>(r.reasons, []),
    };
    const list = out.get(r.provision_id);
    if (list) list.push(clause);
    else out.set(r.provision_id, [clause]);
  }
  return out;
}

interface ProvisionRowLike {
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

function toView(r: ProvisionRowLike, clauses: Map<number, ClauseView[]>): ProvisionView {
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

/** Every provision of a version, in reading order, with clause types (the document page). */
export async function provisionsOfVersion(src: QuerySource, versionId: number): Promise<ProvisionView[]> {
  const rows = await src.db
    .selectFrom("provisions")
    .selectAll()
    .where("version_id", "=", versionId)
    .orderBy("idx")
    .execute();
  const clauses = await clausesOfVersion(src, versionId);
  return rows.map((r) => toView(r, clauses));
}

/** Classifications of a whole version in one indexed read (cheaper than an id list for long documents). */
async function clausesOfVersion(src: QuerySource, versionId: number): Promise<Map<number, ClauseView[]>> {
  const ids = await src.db
    .selectFrom("classifications")
    .select("provision_id")
    .where("version_id", "=", versionId)
    .execute();
  return clausesOf(src, [...new Set(ids.map((r) => r.provision_id))]);
}

function listQuery(src: QuerySource) {
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
  let query = listQuery(src).orderBy("p.id");
  if ((filter.scope ?? "current") === "current" && filter.versionId === undefined) {
    const current = await currentVersions(src, filter.platformIds);
    query = query.where("p.version_id", "in", versionIdList(current));
  } else if (filter.platformIds) {
    query = query.where("d.platform_id", "in", filter.platformIds.length ? filter.platformIds : [0]);
  }
  if (filter.documentId !== undefined) query = query.where("p.document_id", "=", filter.documentId);
  if (filter.versionId !== undefined) query = query.where("p.version_id", "=", filter.versionId);
  if (filter.severity !== undefined) query = query.where("p.max_severity", "=", filter.severity);
  if (filter.clauseType !== undefined) {
    const type = filter.clauseType;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("classifications as c")
          .select("c.id")
          .whereRef("c.provision_id", "=", "p.id")
          .where("c.type", "=", type),
      ),
    );
  }
  if (filter.afterId !== undefined) query = query.where("p.id", ">", filter.afterId);
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  const rows = await query.execute();
  const clauses = await clausesOf(
    src,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...toView(r, clauses),
    platformId: r.platform_id,
    platformSlug: r.slug,
    platformName: r.name,
    termsType: r.terms_type,
    recordedAt: r.recorded_at,
  }));
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
  return {
    ...toView(row, clauses),
    platformId: row.platform_id,
    platformSlug: row.slug,
    platformName: row.name,
    termsType: row.terms_type,
    recordedAt: row.recorded_at,
    versionSha256: row.version_sha256,
    currentVersionId: current?.id ?? null,
  };
}

/** One appearance of a provision (same document, same stable key) in a version. */
export interface ProvisionAppearance {
  provisionId: number;
  versionId: number;
  recordedAt: string;
  text: string;
  maxSeverity: Severity | null;
  /** False when the text is the same as in the previous appearance. */
  changed: boolean;
  /** The change record that introduced this version, if any. */
  changeRecordId: number | null;
}

/** The provision's own history: every version of its document in which its key appears, oldest first. */
export async function provisionHistory(
  src: QuerySource,
  documentId: number,
  key: string,
): Promise<ProvisionAppearance[]> {
  const rows = await src.db
    .selectFrom("provisions as p")
    .innerJoin("versions as v", "v.id", "p.version_id")
    .leftJoin("change_records as c", "c.to_version_id", "p.version_id")
    .select(["p.id", "p.version_id", "v.recorded_at", "p.text", "p.max_severity", "c.id as change_id"])
    .where("p.document_id", "=", documentId)
    .where("p.key", "=", key)
    .orderBy("v.recorded_at")
    .orderBy("v.id")
    .execute();
  let previous: string | null = null;
  return rows.map((r) => {
    const changed = previous !== r.text;
    previous = r.text;
    return {
      provisionId: r.id,
      versionId: r.version_id,
      recordedAt: r.recorded_at,
      text: r.text,
      maxSeverity: toSeverity(r.max_severity),
      changed,
      changeRecordId: r.change_id ?? null,
    };
  });
}

/** The best current provision of one clause type at one platform: the excerpt shown when platforms are compared. */
export interface ClauseExcerpt {
  provisionId: number;
  documentId: number;
  platformId: number;
  platformSlug: string;
  platformName: string;
  termsType: string;
  /** The provision text, cut to at most `excerptChars` characters. */
  excerpt: string;
  textLength: number;
  type: string;
  severity: Severity;
  polarity: Polarity;
  confidence: number;
  /** How many current provisions of this platform carry the type. */
  provisionCount: number;
}

/**
 * For each platform (optionally only some), its strongest current provision of each clause type (optionally
 * one type): highest severity, then concerning before neutral before protective, then confidence.
 */
export async function bestClauseExcerpts(
  src: QuerySource,
  options: { type?: string; platformIds?: readonly number[]; excerptChars?: number },
): Promise<ClauseExcerpt[]> {
  const current = await currentVersions(src, options.platformIds);
  const chars = options.excerptChars ?? 420;
  let inner = src.db
    .selectFrom("classifications as c")
    .innerJoin("provisions as p", "p.id", "c.provision_id")
    .innerJoin("documents as d", "d.id", "c.document_id")
    .select([
      "c.type",
      "c.severity",
      "c.polarity",
      "c.confidence",
      "p.id as provision_id",
      "p.document_id",
      "d.platform_id",
      "d.terms_type",
      sql<string>`substr(p.text, 1, ${chars + 1})`.as("excerpt"),
      sql<number>`length(p.text)`.as("text_length"),
      sql<number>`row_number() over (partition by d.platform_id, c.type order by ${severityRank("c.severity")} desc, (case c.polarity when 'concerning' then 2 when 'neutral' then 1 else 0 end) desc, c.confidence desc, p.id)`.as(
        "rn",
      ),
      sql<number>`count(*) over (partition by d.platform_id, c.type)`.as("n"),
    ])
    .where("c.version_id", "in", versionIdList(current));
  if (options.type !== undefined) inner = inner.where("c.type", "=", options.type);
  const rows = await src.db
    .selectFrom(inner.as("t"))
    .innerJoin("platforms as pl", "pl.id", "t.platform_id")
    .select([
      "t.type",
      "t.severity",
      "t.polarity",
      "t.confidence",
      "t.provision_id",
      "t.document_id",
      "t.platform_id",
      "t.terms_type",
      "t.excerpt",
      "t.text_length",
      "t.n",
      "pl.slug",
      "pl.name",
    ])
    .where("t.rn", "=", 1)
    .orderBy(severityRank("t.severity"), "desc")
    .orderBy("pl.name")
    .execute();
  return rows.map((r) => ({
    provisionId: r.provision_id,
    documentId: r.document_id,
    platformId: r.platform_id,
    platformSlug: r.slug,
    platformName: r.name,
    termsType: r.terms_type,
    excerpt: r.excerpt,
    textLength: Number(r.text_length),
    type: r.type,
    severity: toSeverity(r.severity) ?? "low",
    polarity: toPolarity(r.polarity),
    confidence: Number(r.confidence),
    provisionCount: Number(r.n),
  }));
}

/** The most severe current provisions, at most `perPlatform` per platform so one long policy does not fill the list. */
export async function mostSevereProvisions(
  src: QuerySource,
  options: { limit: number; perPlatform?: number; platformIds?: readonly number[] },
): Promise<ProvisionListItem[]> {
  const current = await currentVersions(src, options.platformIds);
  const inner = src.db
    .selectFrom("provisions as p")
    .innerJoin("documents as d", "d.id", "p.document_id")
    .select([
      "p.id",
      sql<number>`row_number() over (partition by d.platform_id order by ${severityRank("p.max_severity")} desc, p.id)`.as(
        "rn",
      ),
      severityRank("p.max_severity").as("rank"),
    ])
    .where("p.version_id", "in", versionIdList(current))
    .where("p.max_severity", "is not", null);
  const picked = await src.db
    .selectFrom(inner.as("t"))
    .select(["t.id"])
    .where("t.rn", "<=", options.perPlatform ?? 1)
    .orderBy("t.rank", "desc")
    .orderBy("t.id")
    .limit(options.limit)
    .execute();
  if (picked.length === 0) return [];
  const ids = picked.map((r) => r.id);
  const rows = await listQuery(src).where("p.id", "in", ids).execute();
  const clauses = await clausesOf(src, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        ...toView(r, clauses),
        platformId: r.platform_id,
        platformSlug: r.slug,
        platformName: r.name,
        termsType: r.terms_type,
        recordedAt: r.recorded_at,
      },
    ];
  });
}
