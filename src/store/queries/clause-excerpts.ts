import { sql } from "kysely";
import type { Polarity, Severity } from "../../model/index.js";
import { toPolarity } from "./clauses.js";
import { currentVersions, versionIdList } from "./current-versions.js";
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
  // Rank without touching provision rows (their text makes them large); read text only for the winners.
  let inner = src.db
    .selectFrom("classifications as c")
    .innerJoin("documents as d", "d.id", "c.document_id")
    .select([
      "c.type",
      "c.severity",
      "c.polarity",
      "c.confidence",
      "c.provision_id",
      "c.document_id",
      "d.platform_id",
      "d.terms_type",
      sql<number>`row_number() over (partition by d.platform_id, c.type order by ${severityRank("c.severity")} desc, (case c.polarity when 'concerning' then 2 when 'neutral' then 1 else 0 end) desc, c.confidence desc, c.provision_id)`.as(
        "rn",
      ),
      sql<number>`count(*) over (partition by d.platform_id, c.type)`.as("n"),
    ])
    .where("c.version_id", "in", versionIdList(current));
  if (options.type !== undefined) inner = inner.where("c.type", "=", options.type);
  const rows = await src.db
    .selectFrom(inner.as("t"))
    .innerJoin("platforms as pl", "pl.id", "t.platform_id")
    .innerJoin("provisions as p", "p.id", "t.provision_id")
    .select([
      sql<string>`substr(p.text, 1, ${chars + 1})`.as("excerpt"),
      sql<number>`length(p.text)`.as("text_length"),
      "t.type",
      "t.severity",
      "t.polarity",
      "t.confidence",
      "t.provision_id",
      "t.document_id",
      "t.platform_id",
      "t.terms_type",
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
