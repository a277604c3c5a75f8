import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import {
  changeRecordKey,
  encodeCursor,
  findPlatform,
  getChangeRecord,
  listChangeRecords,
} from "../../../store/queries/index.js";
import type { ServerDeps } from "../../deps.js";
import { badRequest, notFound } from "../../http-errors.js";
import { changeRecordDetailDto, changeRecordDto } from "../dto.js";
import { csvResponse, cursorPage, joinList, wantsCsv } from "../respond.js";
import { jsonOk, listOk } from "../responses.js";
import {
  ChangeRecordDetailSchema,
  ChangeRecordSchema,
  ChangeRecordsQuery,
  cursorList,
  IdPath,
  single,
} from "../schemas.js";

const DEFAULT_LIMIT = 50;

const list = createRoute({
  method: "get",
  path: "/v1/change-records",
  tags: ["Change records"],
  summary: "Change records, newest first",
  request: { query: ChangeRecordsQuery },
  responses: listOk(cursorList(ChangeRecordSchema), "A page of change records"),
});

const one = createRoute({
  method: "get",
  path: "/v1/change-records/{id}",
  tags: ["Change records"],
  summary: "One change record with its provision-level changes",
  request: { params: IdPath },
  responses: jsonOk(single(ChangeRecordDetailSchema), "The change record"),
});

export function registerChangeRoutes(api: OpenAPIHono, deps: ServerDeps): void {
  api.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const limit = q.limit ? Number(q.limit) : DEFAULT_LIMIT;
    let platformIds: number[] | undefined;
    if (q.platform) {
      const platform = await findPlatform(deps.src, q.platform);
      if (!platform) throw badRequest("Unknown platform", [`platform: no platform “${q.platform}”`]);
      platformIds = [platform.id];
    }
    const rows = await listChangeRecords(deps.src, {
      ...(platformIds ? { platformIds } : {}),
      ...(q.document ? { documentId: Number(q.document) } : {}),
      ...(q.severity ? { minSeverity: q.severity } : {}),
      ...(q.kind ? { kinds: [q.kind] } : {}),
      ...(q.since ? { since: q.since } : {}),
      ...(q.until ? { until: q.until } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
      changesOnly: q.first !== "true",
      limit: limit + 1,
    });
    const {
      page: data,
      nextCursor,
      next,
    } = cursorPage(c, rows, limit, changeRecordDto, (r) => encodeCursor(changeRecordKey(r)));
    if (wantsCsv(c, q.format)) {
      return csvResponse(
        c,
        "change-records",
        [
          { header: "record_id", value: (r) => r.recordId },
          { header: "platform", value: (r) => r.platformSlug },
          { header: "terms_type", value: (r) => r.termsType },
          { header: "recorded_at", value: (r) => r.recordedAt },
          { header: "kind", value: (r) => r.kind },
          { header: "severity", value: (r) => r.severity },
          { header: "from_version_id", value: (r) => r.fromVersionId },
          { header: "to_version_id", value: (r) => r.toVersionId },
          { header: "summary", value: (r) => joinList(r.summary) },
        ],
        data,
        next,
      );
    }
    return c.json({ data, meta: { nextCursor, next } }, 200);
  });

  api.openapi(one, async (c) => {
    const id = Number(c.req.valid("param").id);
    const record = await getChangeRecord(deps.src, id);
    if (!record) throw notFound(`Change record ${id}`);
    return c.json({ data: changeRecordDetailDto(record) }, 200);
  });
}
