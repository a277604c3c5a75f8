import type { Platform } from "../../model/index.js";
import {
  bestClauseExcerpts,
  type ClauseExcerpt,
  findPlatforms,
  listPlatformNames,
  listPlatforms,
  type PlatformListItem,
} from "../../store/queries/index.js";
import type { ServerDeps } from "../deps.js";
import { badRequest } from "../http-errors.js";

/** One clause type across the compared platforms (null: not found there). */
export interface CompareRow {
  type: string;
  cells: (ClauseExcerpt | null)[];
}

/** Everything the compare page shows. */
export interface CompareView {
  all: Platform[];
  platforms: PlatformListItem[];
  rows: CompareRow[];
}

const RANK = { high: 3, medium: 2, low: 1 } as const;

export async function loadCompare(deps: ServerDeps, slugs: string[]): Promise<CompareView> {
  const all = await listPlatformNames(deps.src);
  const { found, unknown } = await findPlatforms(deps.src, slugs);
  if (unknown.length > 0)
    throw badRequest(
      "Unknown platform",
      unknown.map((s) => `p: no platform “${s}”`),
    );
  // One platform (as the platform page's "compare with others" link gives) only preselects the form.
  if (slugs.length < 2) return { all, platforms: [], rows: [] };
  const ids = found.map((p) => p.id);
  const [summaries, excerpts] = await Promise.all([
    listPlatforms(deps.src, ids),
    bestClauseExcerpts(deps.src, { platformIds: ids, excerptChars: 300 }),
  ]);
  const byId = new Map(summaries.map((s) => [s.id, s]));
  const platforms = ids.flatMap((id) => byId.get(id) ?? []);
  const byType = new Map<string, Map<number, ClauseExcerpt>>();
  for (const e of excerpts) {
    const row = byType.get(e.type) ?? new Map<number, ClauseExcerpt>();
    row.set(e.platformId, e);
    byType.set(e.type, row);
  }
  const order = new Map(deps.knowledge.types.map((t, i) => [t.id, i]));
  const rows = [...byType.entries()]
    .map(([type, cells]) => ({ type, cells: ids.map((id) => cells.get(id) ?? null) }))
    .sort((a, b) => {
      // Types that differ between platforms first (that is what a comparison is for), then taxonomy order.
      const spread = (r: CompareRow) => {
        const ranks = r.cells.map((c) => (c ? RANK[c.severity] : 0));
        return Math.max(...ranks) - Math.min(...ranks);
      };
      return spread(b) - spread(a) || (order.get(a.type) ?? 999) - (order.get(b.type) ?? 999);
    });
  return { all, platforms, rows };
}
