import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { findPlatform, listDocuments, listPlatforms } from "../../../store/queries/index.js";
import type { ServerDeps } from "../../deps.js";
import { notFound } from "../../http-errors.js";
import { documentDto, platformDto } from "../dto.js";
import { csvResponse, joinList, wantsCsv } from "../respond.js";
import { jsonOk, listOk } from "../responses.js";
import { DocumentSchema, FormatQuery, PlatformSchema, SlugPath, single } from "../schemas.js";

const list = createRoute({
  method: "get",
  path: "/v1/platforms",
  tags: ["Platforms"],
  summary: "Every platform tracked, with grades and counts",
  request: { query: FormatQuery },
  responses: listOk(single(z.array(PlatformSchema)), "Platforms by name"),
});

const one = createRoute({
  method: "get",
  path: "/v1/platforms/{slug}",
  tags: ["Platforms"],
  summary: "One platform with its documents",
  request: { params: SlugPath },
  responses: jsonOk(single(PlatformSchema.extend({ documents: z.array(DocumentSchema) })), "The platform"),
});

export function registerPlatformRoutes(api: OpenAPIHono, deps: ServerDeps): void {
  api.openapi(list, async (c) => {
    const { format } = c.req.valid("query");
    const rows = (await listPlatforms(deps.src)).map(platformDto);
    if (wantsCsv(c, format)) {
      return csvResponse(
        c,
        "platforms",
        [
          { header: "slug", value: (r) => r.slug },
          { header: "name", value: (r) => r.name },
          { header: "documents", value: (r) => r.documentCount },
          { header: "versions", value: (r) => r.versionCount },
          { header: "changes", value: (r) => r.changeCount },
          { header: "last_change_at", value: (r) => r.lastChangeAt },
          { header: "high", value: (r) => r.provisions.high },
          { header: "medium", value: (r) => r.provisions.medium },
          { header: "low", value: (r) => r.provisions.low },
          {
            header: "grades",
            value: (r) => joinList(r.grades.map((g) => `${g.termsType}: ${g.grade ?? "-"}`)),
          },
        ],
        rows,
      );
    }
    return c.json({ data: rows }, 200);
  });

  api.openapi(one, async (c) => {
    const { slug } = c.req.valid("param");
    const platform = await findPlatform(deps.src, slug);
    if (!platform) throw notFound(`Platform “${slug}”`);
    const [summary] = await listPlatforms(deps.src, [platform.id]);
    if (!summary) throw notFound(`Platform “${slug}”`);
    const documents = await listDocuments(deps.src, { platformId: platform.id });
    return c.json({ data: { ...platformDto(summary), documents: documents.map(documentDto) } }, 200);
  });
}
