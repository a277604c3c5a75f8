import type { ClauseType } from "../../knowledge/index.js";
import type { Platform } from "../../model/index.js";
import {
  bestClauseExcerpts,
  type ClauseExcerpt,
  type ClauseTypePrevalence,
  clauseTypePrevalence,
  listPlatformNames,
  type PrevalenceTable,
} from "../../store/queries/index.js";
import type { ServerDeps } from "../deps.js";
import { notFound } from "../http-errors.js";

/** One row of the clause type index. */
export interface ClauseTypeRow {
  id: string;
  name: string;
  group: string;
  description: string | null;
  prevalence: ClauseTypePrevalence | null;
}

/** The clause types of the knowledge base plus any type found in data but unknown to it. */
export async function loadClauseTypes(
  deps: ServerDeps,
): Promise<{ table: PrevalenceTable; rows: ClauseTypeRow[] }> {
  const table = await clauseTypePrevalence(deps.src);
  const rows: ClauseTypeRow[] = deps.knowledge.types.map((t) => ({
    id: t.id,
    name: t.name,
    group: t.group,
    description: t.description,
    prevalence: table.types.get(t.id) ?? null,
  }));
  for (const [id, prevalence] of table.types) {
    if (!deps.knowledge.byId.has(id))
      rows.push({ id, name: id, group: "other", description: null, prevalence });
  }
  return { table, rows };
}

/** Everything the clause type page shows. */
export interface ClauseTypeView {
  id: string;
  type: ClauseType | null;
  prevalence: ClauseTypePrevalence | null;
  analysedPlatforms: number;
  excerpts: ClauseExcerpt[];
  /** Analysed platforms where the type was not found. */
  without: Platform[];
}

export async function loadClauseType(deps: ServerDeps, id: string): Promise<ClauseTypeView> {
  const type = deps.knowledge.byId.get(id) ?? null;
  const [table, excerpts, platforms] = await Promise.all([
    clauseTypePrevalence(deps.src, id),
    bestClauseExcerpts(deps.src, { type: id, excerptChars: 420 }),
    listPlatformNames(deps.src),
  ]);
  const prevalence = table.types.get(id) ?? null;
  if (!type && !prevalence) throw notFound(`Clause type “${id}”`);
  const found = new Set(excerpts.map((e) => e.platformId));
  return {
    id,
    type,
    prevalence,
    analysedPlatforms: table.analysedPlatforms,
    excerpts,
    without: platforms.filter((p) => !found.has(p.id)),
  };
}
