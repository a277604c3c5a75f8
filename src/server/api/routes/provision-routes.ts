import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  findPlatform,
  getProvision,
  listProvisions,
  provisionHistory,
} from "../../../store/queries/index.js";
import { sha256Hex } from "../../../util/hash.js";
import type { ServerDeps } from "../../deps.js";
import { badRequest, notFound } from "../../http-errors.js";
import { provisionDto } from "../dto.js";
import { csvResponse, cursorPage, joinList, wantsCsv } from "../respond.js";
import { jsonOk, listOk } from "../responses.js";
import {
  cursorList,
  IdPath,
  ProvisionAppearanceSchema,
  ProvisionSchema,
  ProvisionsQuery,
  ReviewSchema,
  single,
} from "../schemas.js";

const DEFAULT_LIMIT = 50;

const list = createRoute({
  method: "get",
  path: "/v1/provisions",
  tags: ["Provisions"],
  summary:
    "Provisions (in force by default), filterable by platform, document, version, clause type and severity",
  request: { query: ProvisionsQuery },
  responses: listOk(cursorList(ProvisionSchema), "A page of provisions, by id"),
});

const one = createRoute({
  method: "get",
  path: "/v1/provisions/{id}",
  tags: ["Provisions"],
  summary: "One provision with its classifications and its history across versions",
  request: { params: IdPath },
  responses: jsonOk(
    single(
      ProvisionSchema.extend({
        inForce: z.boolean(),
        currentVersionId: z.number().int().nullable(),
        history: z.array(ProvisionAppearanceSchema),
        reviews: z
          .array(ReviewSchema)
          .openapi({ description: "Reviewers' verdicts on this text, oldest first" }),
      }),
    ),
    "The provision",
  ),
});

export function registerProvisionRoutes(api: OpenAPIHono, deps: ServerDeps): void {
  api.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const limit = q.limit ? Number(q.limit) : DEFAULT_LIMIT;
    let platformIds: number[] | undefined;
    if (q.platform) {
      const platform = await findPlatform(deps.src, q.platform);
      if (!platform) throw badRequest("Unknown platform", [`platform: no platform “${q.platform}”`]);
      platformIds = [platform.id];
    }
    const rows = await listProvisions(deps.src, {
      ...(platformIds ? { platformIds } : {}),
      ...(q.document ? { documentId: Number(q.document) } : {}),
      ...(q.version ? { versionId: Number(q.version) } : {}),
      ...(q.type ? { clauseType: q.type } : {}),
      ...(q.severity ? { severity: q.severity } : {}),
      scope: q.scope ?? "current",
      ...(q.cursor ? { afterId: Number(q.cursor) } : {}),
      limit: limit + 1,
    });
    const { page, nextCursor, next } = cursorPage(
      c,
      rows,
      limit,
      (p) => provisionDto(p, deps.knowledge),
      (p) => String(p.id),
    );
    if (wantsCsv(c, q.format)) {
      return csvResponse(
        c,
        "provisions",
        [
          { header: "record_id", value: (r) => r.recordId },
          { header: "platform", value: (r) => r.platformSlug },
          { header: "terms_type", value: (r) => r.termsType },
          { header: "version_id", value: (r) => r.versionId },
          { header: "recorded_at", value: (r) => r.recordedAt },
          { header: "index", value: (r) => r.index },
          { header: "heading_path", value: (r) => joinList(r.headingPath) },
          { header: "max_severity", value: (r) => r.maxSeverity },
          { header: "clause_types", value: (r) => joinList(r.clauses.map((x) => x.type)) },
          { header: "text", value: (r) => r.text },
        ],
        page,
        next,
      );
    }
    return c.json({ data: page, meta: { nextCursor, next } }, 200);
  });

  api.openapi(one, async (c) => {
    const id = Number(c.req.valid("param").id);
    const p = await getProvision(deps.src, id);
    if (!p) throw notFound(`Provision ${id}`);
    const [history, reviews] = await Promise.all([
      provisionHistory(deps.src, p.documentId, p.key),
      deps.store.reviews.forText(sha256Hex(p.text)),
    ]);
    return c.json(
      {
        data: {
          ...provisionDto(p, deps.knowledge),
          inForce: p.currentVersionId === p.versionId,
          currentVersionId: p.currentVersionId,
          history: history.map(({ text: _text, ...h }) => h),
          reviews: reviews.map(({ textSha256: _hash, ...r }) => r),
        },
      },
      200,
    );
  });
}
