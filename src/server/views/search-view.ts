import type { Platform, Severity } from "../../model/index.js";
import {
  findPlatform,
  listPlatformNames,
  type NumberedPage,
  type SearchHit,
  searchProvisions,
} from "../../store/queries/index.js";
import type { ServerDeps } from "../deps.js";
import { badRequest } from "../http-errors.js";

/** Search parameters after validation. */
export interface SearchParams {
  q?: string | undefined;
  type?: string | undefined;
  severity?: Severity | undefined;
  platform?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  scope?: "current" | "all" | undefined;
  page?: number | undefined;
  limit?: number | undefined;
}

export interface SearchView {
  params: SearchParams;
  results: NumberedPage<SearchHit> | null;
  platforms: Platform[];
}

export const SEARCH_PAGE_SIZE = 20;

export async function loadSearch(deps: ServerDeps, params: SearchParams): Promise<SearchView> {
  const platformsPromise = listPlatformNames(deps.src);
  if (params.since && params.until && params.since >= params.until) {
    throw badRequest("Invalid date range", ["since: must be before until"]);
  }
  let platformIds: number[] | undefined;
  if (params.platform) {
    const platform = await findPlatform(deps.src, params.platform);
    if (!platform) throw badRequest("Unknown platform", [`platform: no platform “${params.platform}”`]);
    platformIds = [platform.id];
  }
  const q = params.q?.trim();
  const results = q
    ? await searchProvisions(deps.src, {
        query: q,
        ...(params.type ? { clauseType: params.type } : {}),
        ...(params.severity ? { severity: params.severity } : {}),
        ...(platformIds ? { platformIds } : {}),
        ...(params.since ? { since: params.since } : {}),
        ...(params.until ? { until: params.until } : {}),
        scope: params.scope ?? "current",
        page: params.page ?? 1,
        pageSize: params.limit ?? SEARCH_PAGE_SIZE,
      })
    : null;
  return { params, results, platforms: await platformsPromise };
}
