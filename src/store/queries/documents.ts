import type { SourceDocumentDeclaration } from "../../model/index.js";
import { parseJson } from "./json.js";
import type { QuerySource } from "./query-source.js";

/** A document with its platform and history figures. */
export interface DocumentListItem {
  id: number;
  platformId: number;
  platformSlug: string;
  platformName: string;
  termsType: string;
  versionCount: number;
  firstRecordedAt: string | null;
  lastRecordedAt: string | null;
  currentVersionId: number | null;
  grade: string | null;
  score: number | null;
  /** Stored grade formula and contributions of the current version (JSON as written by the analysis). */
  gradeDetails: unknown;
  lastError: string | null;
}

/** A document with its declared sources. */
export interface DocumentDetail extends DocumentListItem {
  sources: SourceDocumentDeclaration[];
}

function documentQuery(src: QuerySource) {
  return src.db
    .selectFrom("documents as d")
    .innerJoin("platforms as pl", "pl.id", "d.platform_id")
    .select((eb) => [
      "d.id",
      "d.platform_id",
      "pl.slug",
      "pl.name",
      "d.terms_type",
      "d.last_error",
      "d.sources",
      eb
        .selectFrom("versions as v")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("v.document_id", "=", "d.id")
        .as("version_count"),
      eb
        .selectFrom("versions as v")
        .select((e) => e.fn.min("v.recorded_at").as("m"))
        .whereRef("v.document_id", "=", "d.id")
        .as("first_at"),
      eb
        .selectFrom("versions as v")
        .select((e) => e.fn.max("v.recorded_at").as("m"))
        .whereRef("v.document_id", "=", "d.id")
        .as("last_at"),
      eb
        .selectFrom("versions as v")
        .select("v.id")
        .whereRef("v.document_id", "=", "d.id")
        .orderBy("v.recorded_at", "desc")
        .orderBy("v.id", "desc")
        .limit(1)
        .as("current_id"),
    ]);
}

type DocumentRow = Awaited<ReturnType<ReturnType<typeof documentQuery>["execute"]>>[number];

async function withGrades(src: QuerySource, rows: DocumentRow[]): Promise<DocumentDetail[]> {
  const versionIds = rows
    .map((r) => r.current_id)
    .filter((id): id is number => id !== null && id !== undefined);
  const grades = versionIds.length
    ? await src.db
        .selectFrom("version_analyses")
        .select(["version_id", "grade", "score", "grade_details"])
        .where("version_id", "in", versionIds.map(Number))
        .execute()
    : [];
  const byVersion = new Map(grades.map((g) => [g.version_id, g]));
  return rows.map((r) => {
    const currentId = r.current_id === null || r.current_id === undefined ? null : Number(r.current_id);
    const grade = currentId === null ? undefined : byVersion.get(currentId);
    return {
      id: r.id,
      platformId: r.platform_id,
      platformSlug: r.slug,
      platformName: r.name,
      termsType: r.terms_type,
      versionCount: Number(r.version_count ?? 0),
      firstRecordedAt: r.first_at === null || r.first_at === undefined ? null : String(r.first_at),
      lastRecordedAt: r.last_at === null || r.last_at === undefined ? null : String(r.last_at),
      currentVersionId: currentId,
      grade: grade?.grade ?? null,
      score: grade?.score === null || grade?.score === undefined ? null : Number(grade.score),
      gradeDetails: parseJson<unknown>(grade?.grade_details, null),
      lastError: r.last_error,
      sources: parseJson<SourceDocumentDeclaration[]>(r.sources, []),
    };
  });
}

/** Documents, optionally of one platform, by platform name then terms type; page by id cursor. */
export async function listDocuments(
  src: QuerySource,
  filter: { platformId?: number; afterId?: number; limit?: number } = {},
): Promise<DocumentDetail[]> {
  let query = documentQuery(src).orderBy("pl.name").orderBy("d.terms_type");
  if (filter.platformId !== undefined) query = query.where("d.platform_id", "=", filter.platformId);
  if (filter.afterId !== undefined)
    query = query.clearOrderBy().orderBy("d.id").where("d.id", ">", filter.afterId);
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return withGrades(src, await query.execute());
}

/** One document with figures. */
export async function getDocument(src: QuerySource, id: number): Promise<DocumentDetail | undefined> {
  const row = await documentQuery(src).where("d.id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  return (await withGrades(src, [row]))[0];
}
