import { clausesOf } from "./clauses.js";
import { currentVersions } from "./current-versions.js";
import { listQuery, type ProvisionListItem, toView } from "./provisions.js";
import type { QuerySource } from "./query-source.js";
import { SEVERITY_ORDER } from "./severity.js";

/**
 * The most severe current provision of each platform (the earliest of its worst severity), most severe first.
 * Per severity, one `min(id)` per current version: with an index on provisions (version_id, max_severity)
 * that is one index seek per version, whatever the size of the archive.
 */
export async function mostSevereProvisions(
  src: QuerySource,
  options: { limit: number; platformIds?: readonly number[] },
): Promise<ProvisionListItem[]> {
  const current = await currentVersions(src, options.platformIds);
  const platformOf = new Map(current.map((c) => [c.versionId, c.platformId]));
  const picked = new Map<number, { id: number; rank: number }>();
  for (const severity of SEVERITY_ORDER) {
    const open = current.filter((c) => !picked.has(c.platformId)).map((c) => c.versionId);
    if (open.length === 0) break;
    const rows = await src.db
      .selectFrom("provisions")
      .select((eb) => ["version_id", eb.fn.min<number>("id").as("id")])
      .where("version_id", "in", open)
      .where("max_severity", "=", severity)
      .groupBy("version_id")
      .execute();
    const rank = 3 - SEVERITY_ORDER.indexOf(severity);
    for (const r of rows.sort((a, b) => Number(a.id) - Number(b.id))) {
      const platformId = platformOf.get(r.version_id);
      if (platformId !== undefined && !picked.has(platformId))
        picked.set(platformId, { id: Number(r.id), rank });
    }
  }
  const chosen = [...picked.values()].sort((a, b) => b.rank - a.rank || a.id - b.id).slice(0, options.limit);
  if (chosen.length === 0) return [];
  const ids = chosen.map((c) => c.id);
  const [rows, clauses] = await Promise.all([
    listQuery(src).where("p.id", "in", ids).execute(),
    clausesOf(src, ids),
  ]);
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
