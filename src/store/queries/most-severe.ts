import { sql } from "kysely";
import type { ProvisionChange } from "../../model/index.js";
import { clausesOf } from "./clauses.js";
import { type CurrentVersion, currentVersions } from "./current-versions.js";
import { parseJson } from "./json.js";
import { listQuery, type ProvisionListItem, toListItem } from "./provisions.js";
import type { QuerySource } from "./query-source.js";
import { SEVERITY_ORDER } from "./severity.js";

/**
 * The most severe current provision of each platform (the earliest of its worst severity), most severe first.
 * Per severity, one `min(id)` per current version: with an index on provisions (version_id, max_severity)
 * that is one index seek per version, whatever the size of the archive.
 */
export async function mostSevereProvisions(
  src: QuerySource,
  options: {
    limit: number;
    platformIds?: readonly number[];
    /** The current versions of those platforms, if already read. */
    current?: readonly CurrentVersion[];
  },
): Promise<ProvisionListItem[]> {
  const current = options.current ?? (await currentVersions(src, options.platformIds));
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
  return provisionItems(
    src,
    chosen.map((c) => c.id),
  );
}

/** Substantive change records read for "new" provisions: the latest ones, each a version still in force. */
const RECENT_CHANGES = 12;

/**
 * Provisions added by recent changes and still in force, most severe first, then newest. "Added" as the
 * change record's provision diff says (matched neither by key nor by similar text), read from the latest
 * substantive records whose new version is the document's current one (`search_heads`): the cost stays that
 * of a dozen records whatever the size of the archive.
 */
export async function newSevereProvisions(
  src: QuerySource,
  options: { limit: number },
): Promise<ProvisionListItem[]> {
  // The latest records are chosen first and only theirs diffs read: sorting the candidates with their diffs
  // (tens of kB each) copied along cost more than all the rest of this function.
  const recent = await src.db
    .selectFrom("change_records")
    .select(["to_version_id", "recorded_at", "provision_changes"])
    .where("id", "in", (eb) =>
      eb
        .selectFrom("change_records as c")
        .innerJoin("search_heads as h", "h.version_id", "c.to_version_id")
        .select("c.id")
        .where("c.kind", "=", "substantive")
        .where("c.from_version_id", "is not", null)
        .orderBy("c.recorded_at", "desc")
        .orderBy("c.id", "desc")
        .limit(RECENT_CHANGES),
    )
    .execute();
  const added = new Map<number, Set<number>>();
  for (const r of recent) {
    const indexes = parseJson<ProvisionChange[]>(r.provision_changes, [])
      .filter((c) => c.change === "added" && c.kind === "substantive" && typeof c.afterIndex === "number")
      .map((c) => c.afterIndex as number);
    if (indexes.length > 0) added.set(r.to_version_id, new Set(indexes));
  }
  if (added.size === 0) return [];
  const recordedAt = new Map(recent.map((r) => [r.to_version_id, String(r.recorded_at)]));
  // By (version, position) on the unique index: reading every flagged provision of those versions to keep a
  // few cost ten times more. Typed values, because PostgreSQL would read untyped VALUES parameters as text.
  const positions = [...added].flatMap(([versionId, indexes]) =>
    [...indexes].map((idx) => sql`(cast(${versionId} as integer), cast(${idx} as integer))`),
  );
  const rows = await src.db
    .selectFrom("provisions")
    .select(["id", "version_id", "idx", "max_severity"])
    .where(sql<boolean>`(version_id, idx) in (values ${sql.join(positions)})`)
    .where("max_severity", "in", ["high", "medium"])
    .execute();
  const rank = (severity: string | null) => (severity === "high" ? 2 : 1);
  const chosen = rows
    .sort(
      (a, b) =>
        rank(b.max_severity) - rank(a.max_severity) ||
        (recordedAt.get(b.version_id) ?? "").localeCompare(recordedAt.get(a.version_id) ?? "") ||
        a.id - b.id,
    )
    .slice(0, options.limit);
  return provisionItems(
    src,
    chosen.map((c) => c.id),
  );
}

/** Listing items of the provisions `ids`, in that order. */
async function provisionItems(src: QuerySource, ids: readonly number[]): Promise<ProvisionListItem[]> {
  if (ids.length === 0) return [];
  const [rows, clauses] = await Promise.all([
    listQuery(src)
      .where("p.id", "in", [...ids])
      .execute(),
    clausesOf(src, [...ids]),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toListItem(r, clauses)] : [];
  });
}
