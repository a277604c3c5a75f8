import { sql } from "kysely";
import type { Platform, Severity } from "../../model/index.js";
import { type CurrentVersion, currentVersions, versionIdList } from "./current-versions.js";
import { parseJson } from "./json.js";
import type { QuerySource } from "./query-source.js";
import { emptyCounts, type SeverityCounts } from "./severity.js";

/** A platform with the figures shown in listings. */
export interface PlatformListItem extends Platform {
  documentCount: number;
  versionCount: number;
  /** Change records after the first version of each document. */
  changeCount: number;
  lastChangeAt: string | null;
  /** Current provisions by their highest severity. */
  provisions: SeverityCounts;
  /** Grades of the current version of each document (null when not graded). */
  grades: {
    documentId: number;
    termsType: string;
    grade: string | null;
    score: number | null;
    gradeDetails: unknown;
  }[];
}

function toPlatform(row: {
  id: number;
  slug: string;
  name: string;
  sector: string | null;
  homepage: string | null;
}): Platform {
  return { id: row.id, slug: row.slug, name: row.name, sector: row.sector, homepage: row.homepage };
}

/** One platform by slug. */
export async function findPlatform(src: QuerySource, slug: string): Promise<Platform | undefined> {
  const row = await src.db.selectFrom("platforms").selectAll().where("slug", "=", slug).executeTakeFirst();
  return row ? toPlatform(row) : undefined;
}

/** Several platforms by slug, in the order asked; unknown slugs are returned separately. */
export async function findPlatforms(
  src: QuerySource,
  slugs: readonly string[],
): Promise<{ found: Platform[]; unknown: string[] }> {
  if (slugs.length === 0) return { found: [], unknown: [] };
  const rows = await src.db
    .selectFrom("platforms")
    .selectAll()
    .where("slug", "in", [...slugs])
    .execute();
  const bySlug = new Map(rows.map((r) => [r.slug, toPlatform(r)]));
  const found: Platform[] = [];
  const unknown: string[] = [];
  for (const slug of slugs) {
    const platform = bySlug.get(slug);
    if (platform) found.push(platform);
    else unknown.push(slug);
  }
  return { found, unknown };
}

/** Names sort as readers expect, whatever their case: edX between Discord and GitHub, not after Zoom. */
const BY_NAME = sql<string>`lower(name)`;

/** Every platform, by name, without figures (menus and forms). */
export async function listPlatformNames(src: QuerySource): Promise<Platform[]> {
  const rows = await src.db.selectFrom("platforms").selectAll().orderBy(BY_NAME).orderBy("name").execute();
  return rows.map(toPlatform);
}

/**
 * Platforms with their figures, by name; `only` restricts to some platform ids. `gradeDetails: false`
 * leaves out the grade contributions (the platform grade cannot then be computed) for lighter listings;
 * `current` gives the current versions of those platforms when the caller has read them already.
 */
export async function listPlatforms(
  src: QuerySource,
  only?: readonly number[],
  options: { gradeDetails?: boolean; current?: readonly CurrentVersion[] } = {},
): Promise<PlatformListItem[]> {
  let platformQuery = src.db.selectFrom("platforms").selectAll().orderBy(BY_NAME).orderBy("name");
  if (only) platformQuery = platformQuery.where("id", "in", only.length ? [...only] : [0]);
  const platforms = await platformQuery.execute();
  if (platforms.length === 0) return [];
  const ids = platforms.map((p) => p.id);
  const current = options.current ?? (await currentVersions(src, ids));
  const [documents, versions, changes, severities, grades] = await Promise.all([
    src.db
      .selectFrom("documents")
      .select((eb) => ["platform_id", eb.fn.countAll<number>().as("n")])
      .where("platform_id", "in", ids)
      .groupBy("platform_id")
      .execute(),
    src.db
      .selectFrom("versions as v")
      .innerJoin("documents as d", "d.id", "v.document_id")
      .select((eb) => ["d.platform_id", eb.fn.countAll<number>().as("n")])
      .where("d.platform_id", "in", ids)
      .groupBy("d.platform_id")
      .execute(),
    src.db
      .selectFrom("change_records as c")
      .innerJoin("documents as d", "d.id", "c.document_id")
      .select((eb) => [
        "d.platform_id",
        eb.fn.countAll<number>().as("n"),
        eb.fn.max("c.recorded_at").as("last"),
      ])
      .where("d.platform_id", "in", ids)
      .where("c.from_version_id", "is not", null)
      .groupBy("d.platform_id")
      .execute(),
    // Per version (the platform of each current version is already known): no join, and one count per
    // severity, each a range of the index on provisions (version_id, max_severity) that reads no provision
    // row; half the cost of grouping the same index entries by (version, severity).
    src.db
      .selectFrom("versions as v")
      .select((eb) => {
        const count = (severity: Severity) =>
          eb
            .selectFrom("provisions as p")
            .select((c) => c.fn.countAll<number>().as("n"))
            .whereRef("p.version_id", "=", "v.id")
            .where("p.max_severity", "=", severity);
        return ["v.id", count("high").as("high"), count("medium").as("medium"), count("low").as("low")];
      })
      .where("v.id", "in", versionIdList(current))
      .execute(),
    currentGrades(src, current, options.gradeDetails ?? true),
  ]);
  const count = (rows: { platform_id: number; n: number | string | bigint }[]) =>
    new Map(rows.map((r) => [r.platform_id, Number(r.n)]));
  const documentCounts = count(documents);
  const versionCounts = count(versions);
  const changeCounts = count(changes);
  const lastChange = new Map(changes.map((r) => [r.platform_id, r.last === null ? null : String(r.last)]));
  const platformOfVersion = new Map(current.map((c) => [c.versionId, c.platformId]));
  const severityCounts = new Map<number, SeverityCounts>();
  for (const row of severities) {
    const platformId = platformOfVersion.get(row.id);
    if (platformId === undefined) continue;
    const counts = severityCounts.get(platformId) ?? emptyCounts();
    counts.high += Number(row.high ?? 0);
    counts.medium += Number(row.medium ?? 0);
    counts.low += Number(row.low ?? 0);
    severityCounts.set(platformId, counts);
  }
  // Figures added to the platform, not spread with it (see toListItem in provisions.ts: ten times faster).
  return platforms.map((p) =>
    Object.assign(toPlatform(p), {
      documentCount: documentCounts.get(p.id) ?? 0,
      versionCount: versionCounts.get(p.id) ?? 0,
      changeCount: changeCounts.get(p.id) ?? 0,
      lastChangeAt: lastChange.get(p.id) ?? null,
      provisions: severityCounts.get(p.id) ?? emptyCounts(),
      grades: grades.get(p.id) ?? [],
    }),
  );
}

/** Grade of the current version of each document, by platform (grouped once, not filtered per platform). */
async function currentGrades(
  src: QuerySource,
  current: readonly CurrentVersion[],
  withDetails: boolean,
): Promise<Map<number, PlatformListItem["grades"]>> {
  // From the analyses by primary key: unanalysed documents have no grade to show anyway.
  const rows = await src.db
    .selectFrom("version_analyses as a")
    .innerJoin("documents as d", "d.id", "a.document_id")
    .select(["d.id", "d.platform_id", "d.terms_type", "a.grade", "a.score"])
    // The contributions (a few kB per document) are only read when a platform grade is to be computed.
    .$if(withDetails, (q) => q.select("a.grade_details"))
    .where("a.version_id", "in", versionIdList(current))
    .orderBy("d.terms_type")
    .execute();
  const byPlatform = new Map<number, PlatformListItem["grades"]>();
  for (const r of rows) {
    const grade = {
      documentId: r.id,
      termsType: r.terms_type,
      grade: r.grade ?? null,
      score: r.score === null || r.score === undefined ? null : Number(r.score),
      gradeDetails: "grade_details" in r ? parseJson<unknown>(r.grade_details, null) : null,
    };
    const list = byPlatform.get(r.platform_id);
    if (list) list.push(grade);
    else byPlatform.set(r.platform_id, [grade]);
  }
  return byPlatform;
}
