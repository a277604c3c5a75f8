import { type CurrentVersion, currentVersions, versionIdList } from "./current-versions.js";
import type { QuerySource } from "./query-source.js";

/** Headline figures of the archive. */
export interface DashboardCounts {
  platforms: number;
  documents: number;
  versions: number;
  /** Provisions of the versions in force. */
  currentProvisions: number;
  /** Change records after first versions. */
  changes: number;
  substantiveChanges: number;
  /** Newest version date, null for an empty archive. */
  lastRecordedAt: string | null;
}

/** The dashboard's counts, in a handful of aggregate reads; `current`: the current versions, if already read. */
export async function dashboardCounts(
  src: QuerySource,
  current?: readonly CurrentVersion[],
): Promise<DashboardCounts> {
  const ids = versionIdList(current ?? (await currentVersions(src)));
  const [platforms, documents, versions, provisions, changes] = await Promise.all([
    src.db
      .selectFrom("platforms")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst(),
    src.db
      .selectFrom("documents")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst(),
    src.db
      .selectFrom("versions")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("recorded_at").as("last")])
      .executeTakeFirst(),
    src.db
      .selectFrom("version_analyses")
      .select((eb) => eb.fn.sum<number>("provision_count").as("n"))
      .where("version_id", "in", ids)
      .executeTakeFirst(),
    src.db
      .selectFrom("change_records")
      .select((eb) => ["kind", eb.fn.countAll<number>().as("n")])
      .where("from_version_id", "is not", null)
      .groupBy("kind")
      .execute(),
  ]);
  return {
    platforms: Number(platforms?.n ?? 0),
    documents: Number(documents?.n ?? 0),
    versions: Number(versions?.n ?? 0),
    currentProvisions: Number(provisions?.n ?? 0),
    changes: changes.reduce((sum, r) => sum + Number(r.n), 0),
    substantiveChanges: Number(changes.find((r) => r.kind === "substantive")?.n ?? 0),
    lastRecordedAt: versions?.last === null || versions?.last === undefined ? null : String(versions.last),
  };
}

/** Distinct clause types found in the versions in force (kept apart: it reads every current classification). */
export async function clauseTypesFound(src: QuerySource): Promise<number> {
  const ids = versionIdList(await currentVersions(src));
  const row = await src.db
    .selectFrom("classifications")
    .select((eb) => eb.fn.count<number>("type").distinct().as("n"))
    .where("version_id", "in", ids)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
