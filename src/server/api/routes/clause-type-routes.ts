import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerDeps } from "../../deps.js";
import { loadClauseType, loadClauseTypes } from "../../views/clause-type-view.js";
import { prevalenceDto } from "../dto.js";
import { csvResponse, wantsCsv } from "../respond.js";
import { jsonOk, listOk } from "../responses.js";
import { ClauseExcerptSchema, ClauseTypeSchema, FormatQuery, single, TypePath } from "../schemas.js";

const list = createRoute({
  method: "get",
  path: "/v1/clause-types",
  tags: ["Clause types"],
  summary: "Every clause type with its prevalence across platforms (versions in force)",
  request: { query: FormatQuery },
  responses: listOk(single(z.array(ClauseTypeSchema)), "Clause types in taxonomy order"),
});

const one = createRoute({
  method: "get",
  path: "/v1/clause-types/{id}",
  tags: ["Clause types"],
  summary: "One clause type: prevalence and each platform's strongest provision of that type",
  request: { params: TypePath },
  responses: jsonOk(
    single(
      ClauseTypeSchema.extend({ excerpts: z.array(ClauseExcerptSchema), notFoundAt: z.array(z.string()) }),
    ),
    "The clause type",
  ),
});

export function registerClauseTypeRoutes(api: OpenAPIHono, deps: ServerDeps): void {
  api.openapi(list, async (c) => {
    const { format } = c.req.valid("query");
    const { table, rows } = await loadClauseTypes(deps);
    const data = rows.map((r) => ({
      id: r.id,
      name: r.name,
      group: r.group,
      description: r.description,
      prevalence: prevalenceDto(r.prevalence ?? undefined, table.analysedPlatforms),
      url: `/clause-types/${r.id}`,
    }));
    if (wantsCsv(c, format)) {
      return csvResponse(
        c,
        "clause-types",
        [
          { header: "id", value: (r) => r.id },
          { header: "name", value: (r) => r.name },
          { header: "group", value: (r) => r.group },
          { header: "platforms", value: (r) => r.prevalence.platforms },
          { header: "analysed_platforms", value: (r) => r.prevalence.analysedPlatforms },
          { header: "high", value: (r) => r.prevalence.platformsBySeverity.high },
          { header: "medium", value: (r) => r.prevalence.platformsBySeverity.medium },
          { header: "low", value: (r) => r.prevalence.platformsBySeverity.low },
          { header: "protective_only", value: (r) => r.prevalence.protectiveOnly },
          { header: "documents", value: (r) => r.prevalence.documents },
          { header: "provisions", value: (r) => r.prevalence.provisions },
        ],
        data,
      );
    }
    return c.json({ data }, 200);
  });

  api.openapi(one, async (c) => {
    const { id } = c.req.valid("param");
    const view = await loadClauseType(deps, id);
    return c.json(
      {
        data: {
          id,
          name: view.type?.name ?? id,
          group: view.type?.group ?? "other",
          description: view.type?.description ?? null,
          prevalence: prevalenceDto(view.prevalence ?? undefined, view.analysedPlatforms),
          url: `/clause-types/${id}`,
          excerpts: view.excerpts.map(({ platformId: _p, ...e }) => e),
          notFoundAt: view.without.map((p) => p.slug),
        },
      },
      200,
    );
  });
}
