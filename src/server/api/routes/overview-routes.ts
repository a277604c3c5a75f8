import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { clauseTypesFound, dashboardCounts } from "../../../store/queries/index.js";
import type { ServerDeps } from "../../deps.js";
import { clauseTypeName } from "../../knowledge.js";
import { CompareSlugs, multiValues, parseOrThrow } from "../../params.js";
import { loadCompare } from "../../views/compare-view.js";
import { platformDto } from "../dto.js";
import { csvResponse, wantsCsv } from "../respond.js";
import { jsonOk, listOk } from "../responses.js";
import { ClauseExcerptSchema, CompareQuery, PlatformSchema, StatsSchema, single } from "../schemas.js";

const stats = createRoute({
  method: "get",
  path: "/v1/stats",
  tags: ["Overview"],
  summary: "Headline figures of the archive",
  responses: jsonOk(single(StatsSchema), "The figures"),
});

const compare = createRoute({
  method: "get",
  path: "/v1/compare",
  tags: ["Overview"],
  summary: "2–4 platforms side by side, clause type by clause type",
  request: { query: CompareQuery },
  responses: listOk(
    single(
      z.object({
        platforms: z.array(PlatformSchema),
        rows: z.array(
          z.object({ type: z.string(), name: z.string(), cells: z.array(ClauseExcerptSchema.nullable()) }),
        ),
      }),
    ),
    "One row per clause type; cells follow the order of `platforms`",
  ),
});

export function registerOverviewRoutes(api: OpenAPIHono, deps: ServerDeps): void {
  api.openapi(stats, async (c) => {
    const [counts, types] = await Promise.all([dashboardCounts(deps.src), clauseTypesFound(deps.src)]);
    return c.json({ data: { ...counts, clauseTypesFound: types } }, 200);
  });

  api.openapi(compare, async (c) => {
    const q = c.req.valid("query");
    const slugs = parseOrThrow(CompareSlugs, multiValues([q.p]), "platforms");
    const view = await loadCompare(deps, slugs);
    const rows = view.rows.map((r) => ({
      type: r.type,
      name: clauseTypeName(deps.knowledge, r.type),
      cells: r.cells.map((cell) => (cell ? (({ platformId: _p, ...e }) => e)(cell) : null)),
    }));
    if (wantsCsv(c, q.format)) {
      return csvResponse(
        c,
        "compare",
        [
          { header: "clause_type", value: (r: (typeof rows)[number]) => r.type },
          ...view.platforms.map((p, i) => ({
            header: p.slug,
            value: (r: (typeof rows)[number]) => r.cells[i]?.severity ?? "not found",
          })),
        ],
        rows,
      );
    }
    return c.json({ data: { platforms: view.platforms.map(platformDto), rows } }, 200);
  });
}
