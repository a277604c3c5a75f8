import type { QuerySource } from "./query-source.js";

/** The version in force of one document: the newest by date, ties broken by insertion order. */
export interface CurrentVersion {
  documentId: number;
  platformId: number;
  versionId: number;
}

/**
 * The current version of every document (optionally of one platform). Asked once per request and passed
 * on as an id list: one index probe per document, and the planner never has to guess through a correlated view.
 */
export async function currentVersions(
  src: QuerySource,
  platformIds?: readonly number[],
): Promise<CurrentVersion[]> {
  let query = src.db
    .selectFrom("documents as d")
    .select((eb) => [
      "d.id as document_id",
      "d.platform_id as platform_id",
      eb
        .selectFrom("versions as v")
        .select("v.id")
        .whereRef("v.document_id", "=", "d.id")
        .orderBy("v.recorded_at", "desc")
        .orderBy("v.id", "desc")
        .limit(1)
        .as("version_id"),
    ]);
  if (platformIds) {
    if (platformIds.length === 0) return [];
    query = query.where("d.platform_id", "in", [...platformIds]);
  }
  const rows = await query.execute();
  const out: CurrentVersion[] = [];
  for (const row of rows) {
    if (row.version_id === null || row.version_id === undefined) continue;
    out.push({ documentId: row.document_id, platformId: row.platform_id, versionId: Number(row.version_id) });
  }
  return out;
}

/** Ids of the current versions, never empty (0 matches no row), so it can go straight into `in (…)`. */
export function versionIdList(current: readonly CurrentVersion[]): number[] {
  return current.length === 0 ? [0] : current.map((c) => c.versionId);
}
