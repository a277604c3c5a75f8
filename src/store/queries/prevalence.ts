import type { CurrentClassification } from "./clause-excerpts.js";
import { type CurrentVersion, currentVersions, versionIdList } from "./current-versions.js";
import type { QuerySource } from "./query-source.js";
import { emptyCounts, type SeverityCounts, toSeverity } from "./severity.js";

/** How widespread one clause type is across the platforms' current documents. */
export interface ClauseTypePrevalence {
  type: string;
  /** Platforms with at least one current provision of this type (any polarity). */
  platforms: number;
  documents: number;
  provisions: number;
  /** Platforms by the worst severity of their non-protective provisions of this type. */
  platformsBySeverity: SeverityCounts;
  /** Platforms whose provisions of this type are all protective ("we do not sell…"). */
  protectiveOnly: number;
}

/** Prevalence of every clause type found, and the number of analysed platforms it is measured against. */
export interface PrevalenceTable {
  /** Platforms with at least one analysed current version (the "M" of "found in N of M"). */
  analysedPlatforms: number;
  analysedDocuments: number;
  types: Map<string, ClauseTypePrevalence>;
}

const RANK = { high: 3, medium: 2, low: 1 } as const;

/** Classifications counted as SQL groups them: distinct provisions per (type, document, severity, polarity). */
function groupClassifications(classifications: readonly CurrentClassification[]) {
  const groups = new Map<
    string,
    { type: string; document_id: number; severity: string; polarity: string; provisions: Set<number> }
  >();
  for (const c of classifications) {
    const key = `${c.type} ${c.document_id} ${c.severity} ${c.polarity}`;
    const group = groups.get(key);
    if (group) group.provisions.add(c.provision_id);
    else
      groups.set(key, {
        type: c.type,
        document_id: c.document_id,
        severity: c.severity,
        polarity: c.polarity,
        provisions: new Set([c.provision_id]),
      });
  }
  return [...groups.values()].map((g) => Object.assign(g, { n: g.provisions.size }));
}

/**
 * Prevalence of clause types over current versions (optionally of one type only). `current`: the current
 * versions of every document, and `classifications`: theirs (of `onlyType`), when the caller has read them.
 */
export async function clauseTypePrevalence(
  src: QuerySource,
  onlyType?: string,
  current?: readonly CurrentVersion[],
  classifications?: readonly CurrentClassification[],
): Promise<PrevalenceTable> {
  current ??= await currentVersions(src);
  const ids = versionIdList(current);
  // Platforms come from the current-version map, not a join: with an index on classifications
  // (version_id, type, severity, polarity, document_id, provision_id) this reads no table rows at all.
  let query = src.db
    .selectFrom("classifications as c")
    .select((eb) => [
      "c.type",
      "c.document_id",
      "c.severity",
      "c.polarity",
      eb.fn.count<number>("c.provision_id").distinct().as("n"),
    ])
    .where("c.version_id", "in", ids)
    .groupBy(["c.type", "c.document_id", "c.severity", "c.polarity"]);
  if (onlyType !== undefined) query = query.where("c.type", "=", onlyType);
  const [rows, analysed] = await Promise.all([
    classifications ? groupClassifications(classifications) : query.execute(),
    // Analysed = has a stored analysis; read by primary key instead of scanning provisions.
    src.db
      .selectFrom("version_analyses as a")
      .innerJoin("documents as d", "d.id", "a.document_id")
      .select((eb) => [
        eb.fn.count<number>("d.platform_id").distinct().as("platforms"),
        eb.fn.count<number>("a.document_id").distinct().as("documents"),
      ])
      .where("a.version_id", "in", ids)
      .executeTakeFirst(),
  ]);
  interface Acc {
    platforms: Map<number, { worst: number; protective: boolean }>;
    documents: Set<number>;
    provisions: number;
  }
  const acc = new Map<string, Acc>();
  const platformOf = new Map(current.map((c) => [c.documentId, c.platformId]));
  for (const r of rows) {
    const platformId = platformOf.get(r.document_id);
    if (platformId === undefined) continue;
    let a = acc.get(r.type);
    if (!a) {
      a = { platforms: new Map(), documents: new Set(), provisions: 0 };
      acc.set(r.type, a);
    }
    a.documents.add(r.document_id);
    a.provisions += Number(r.n);
    const entry = a.platforms.get(platformId) ?? { worst: 0, protective: false };
    const severity = toSeverity(r.severity);
    if (r.polarity === "protective") entry.protective = true;
    else if (severity) entry.worst = Math.max(entry.worst, RANK[severity]);
    a.platforms.set(platformId, entry);
  }
  const types = new Map<string, ClauseTypePrevalence>();
  for (const [type, a] of acc) {
    const bySeverity = emptyCounts();
    let protectiveOnly = 0;
    for (const { worst } of a.platforms.values()) {
      if (worst === 3) bySeverity.high++;
      else if (worst === 2) bySeverity.medium++;
      else if (worst === 1) bySeverity.low++;
      else protectiveOnly++;
    }
    types.set(type, {
      type,
      platforms: a.platforms.size,
      documents: a.documents.size,
      provisions: a.provisions,
      platformsBySeverity: bySeverity,
      protectiveOnly,
    });
  }
  return {
    analysedPlatforms: Number(analysed?.platforms ?? 0),
    analysedDocuments: Number(analysed?.documents ?? 0),
    types,
  };
}
