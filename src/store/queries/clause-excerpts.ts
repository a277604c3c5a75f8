import { sql } from "kysely";
import type { Polarity, Severity } from "../../model/index.js";
import { toPolarity } from "./clauses.js";
import { type CurrentVersion, currentVersions, versionIdList } from "./current-versions.js";
import type { QuerySource } from "./query-source.js";
import { severityRank, toSeverity } from "./severity.js";

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

/** A classification of a current version, as excerpts and prevalence read it. */
export interface CurrentClassification {
  id: number;
  type: string;
  severity: string;
  polarity: string;
  confidence: number;
  provision_id: number;
  document_id: number;
}

/**
 * The classifications of the given current versions (optionally of one type), from the covering index on
 * classifications (version_id, type, …): no table row is read.
 */
export async function currentClassifications(
  src: QuerySource,
  current: readonly CurrentVersion[],
  type?: string,
): Promise<CurrentClassification[]> {
  let query = src.db
    .selectFrom("classifications")
    .select(["id", "type", "severity", "polarity", "confidence", "provision_id", "document_id"])
    .where("version_id", "in", versionIdList(current));
  if (type !== undefined) query = query.where("type", "=", type);
  return query.execute();
}

const SEVERITY_RANK: Record<string, number> = { high: 3, medium: 2, low: 1 };
const POLARITY_RANK: Record<string, number> = { concerning: 2, neutral: 1 };

/** Whether `a` is a stronger excerpt than `b` (the order of {@link bestClauseExcerpts}). */
function stronger(a: CurrentClassification, b: CurrentClassification): boolean {
  const order =
    (SEVERITY_RANK[a.severity] ?? 0) - (SEVERITY_RANK[b.severity] ?? 0) ||
    (POLARITY_RANK[a.polarity] ?? 0) - (POLARITY_RANK[b.polarity] ?? 0) ||
    Number(a.confidence) - Number(b.confidence) ||
    b.provision_id - a.provision_id;
  return order > 0;
}

/**
 * For each platform (optionally only some), its strongest current provision of each clause type (optionally
 * one type): highest severity, then concerning before neutral before protective, then confidence, then the
 * earlier provision.
 */
export async function bestClauseExcerpts(
  src: QuerySource,
  options: {
    type?: string;
    platformIds?: readonly number[];
    excerptChars?: number;
    /** The current versions of those platforms, if already read. */
    current?: readonly CurrentVersion[];
    /** Their classifications (of `type` when given), if already read. */
    classifications?: readonly CurrentClassification[];
  },
): Promise<ClauseExcerpt[]> {
  const current = options.current ?? (await currentVersions(src, options.platformIds));
  const platformOf = new Map(current.map((c) => [c.documentId, c.platformId]));
  const chars = options.excerptChars ?? 420;
  // Ranked here: a few thousand rows at most, which SQL window functions took twice as long to partition and
  // sort. Text is read for the winners only.
  const classifications =
    options.classifications ?? (await currentClassifications(src, current, options.type));
  const best = new Map<string, { top: CurrentClassification; platformId: number; n: number }>();
  for (const row of classifications) {
    const platformId = platformOf.get(row.document_id);
    if (platformId === undefined) continue;
    const key = `${platformId} ${row.type}`;
    const entry = best.get(key);
    if (!entry) best.set(key, { top: row, platformId, n: 1 });
    else {
      entry.n++;
      if (stronger(row, entry.top)) entry.top = row;
    }
  }
  if (best.size === 0) return [];
  const winners = new Map([...best.values()].map((w) => [w.top.id, w]));
  const rows = await src.db
    .selectFrom("classifications as c")
    .innerJoin("provisions as p", "p.id", "c.provision_id")
    .innerJoin("documents as d", "d.id", "c.document_id")
    .innerJoin("platforms as pl", "pl.id", "d.platform_id")
    .select([
      "c.id",
      sql<string>`substr(p.text, 1, ${chars + 1})`.as("excerpt"),
      sql<number>`length(p.text)`.as("text_length"),
      "d.terms_type",
      "pl.slug",
      "pl.name",
    ])
    .where("c.id", "in", [...winners.keys()])
    .orderBy(severityRank("c.severity"), "desc")
    .orderBy("pl.name")
    .execute();
  return rows.flatMap((r) => {
    const winner = winners.get(r.id);
    if (!winner) return [];
    const { top, platformId, n } = winner;
    return [
      {
        provisionId: top.provision_id,
        documentId: top.document_id,
        platformId,
        platformSlug: r.slug,
        platformName: r.name,
        termsType: r.terms_type,
        excerpt: r.excerpt,
        textLength: Number(r.text_length),
        type: top.type,
        severity: toSeverity(top.severity) ?? "low",
        polarity: toPolarity(top.polarity),
        confidence: Number(top.confidence),
        provisionCount: n,
      },
    ];
  });
}
