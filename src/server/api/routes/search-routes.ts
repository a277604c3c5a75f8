import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerDeps } from "../../deps.js";
import { loadSearch } from "../../views/search-view.js";
import { searchHitDto } from "../dto.js";
import { csvResponse, joinList, nextUrl, wantsCsv } from "../respond.js";
import { listOk } from "../responses.js";
import { PageMetaSchema, SearchHitSchema, SearchQuery } from "../schemas.js";

const search = createRoute({
  method: "get",
  path: "/v1/search",
  tags: ["Search"],
  summary: 'Full-text search over provisions (all words must match; "quoted phrases"; stemmed)',
  request: { query: SearchQuery },
  responses: listOk(
    z.object({ data: z.array(SearchHitSchema), meta: PageMetaSchema }),
    "Matching provisions, best first",
  ),
});

export function registerSearchRoutes(api: OpenAPIHono, deps: ServerDeps): void {
  api.openapi(search, async (c) => {
    const q = c.req.valid("query");
    const view = await loadSearch(deps, {
      q: q.q,
      type: q.type,
      severity: q.severity,
      platform: q.platform,
      since: q.since,
      until: q.until,
      scope: q.scope,
      page: q.page ? Number(q.page) : 1,
      limit: q.limit ? Number(q.limit) : 20,
    });
    const results = view.results ?? { items: [], page: 1, pageSize: 20, total: 0 };
    const data = results.items.map(searchHitDto);
    const hasNext = results.page * results.pageSize < results.total;
    const next = hasNext ? nextUrl(c, { page: String(results.page + 1) }) : null;
    if (wantsCsv(c, q.format)) {
      return csvResponse(
        c,
        "search",
        [
          { header: "record_id", value: (r) => r.recordId },
          { header: "platform", value: (r) => r.platformSlug },
          { header: "terms_type", value: (r) => r.termsType },
          { header: "recorded_at", value: (r) => r.recordedAt },
          { header: "heading_path", value: (r) => joinList(r.headingPath) },
          { header: "max_severity", value: (r) => r.maxSeverity },
          { header: "clause_types", value: (r) => joinList(r.clauseTypes) },
          { header: "snippet", value: (r) => r.snippet },
        ],
        data,
        next,
      );
    }
    return c.json(
      { data, meta: { page: results.page, pageSize: results.pageSize, total: results.total, next } },
      200,
    );
  });
}
