import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  findPlatform,
  getDocument,
  getVersion,
  listDocuments,
  listVersions,
  openVersionText,
} from "../../../store/queries/index.js";
import type { ServerDeps } from "../../deps.js";
import { badRequest, notFound } from "../../http-errors.js";
import { documentDto, versionSummaryDto } from "../dto.js";
import { csvResponse, cursorPage, wantsCsv } from "../respond.js";
import { jsonOk, listOk } from "../responses.js";
import {
  cursorList,
  DocumentSchema,
  DocumentsQuery,
  FormatQuery,
  IdPath,
  single,
  VersionSchema,
  VersionSummarySchema,
} from "../schemas.js";
import { versionJsonResponse } from "../version-json.js";

const DEFAULT_LIMIT = 50;

const list = createRoute({
  method: "get",
  path: "/v1/documents",
  tags: ["Documents"],
  summary: "Documents, by id",
  request: { query: DocumentsQuery },
  responses: listOk(cursorList(DocumentSchema), "A page of documents"),
});

const one = createRoute({
  method: "get",
  path: "/v1/documents/{id}",
  tags: ["Documents"],
  summary: "One document",
  request: { params: IdPath },
  responses: jsonOk(single(DocumentSchema), "The document"),
});

const versions = createRoute({
  method: "get",
  path: "/v1/documents/{id}/versions",
  tags: ["Documents"],
  summary: "Every version of a document, oldest first",
  request: { params: IdPath, query: FormatQuery },
  responses: listOk(single(z.array(VersionSummarySchema)), "The versions"),
});

const version = createRoute({
  method: "get",
  path: "/v1/versions/{id}",
  tags: ["Versions"],
  summary: "One version: text, proof (hashes, chain position, verifications) and analysis",
  request: { params: IdPath },
  responses: jsonOk(single(VersionSchema), "The version"),
});

export function registerDocumentRoutes(api: OpenAPIHono, deps: ServerDeps): void {
  api.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const limit = q.limit ? Number(q.limit) : DEFAULT_LIMIT;
    let platformId: number | undefined;
    if (q.platform) {
      const platform = await findPlatform(deps.src, q.platform);
      if (!platform) throw badRequest("Unknown platform", [`platform: no platform “${q.platform}”`]);
      platformId = platform.id;
    }
    const rows = await listDocuments(deps.src, {
      ...(platformId !== undefined ? { platformId } : {}),
      afterId: q.cursor ? Number(q.cursor) : 0,
      limit: limit + 1,
    });
    const { page, nextCursor, next } = cursorPage(c, rows, limit, documentDto, (d) => String(d.id));
    if (wantsCsv(c, q.format)) {
      return csvResponse(
        c,
        "documents",
        [
          { header: "record_id", value: (r) => r.recordId },
          { header: "platform", value: (r) => r.platformSlug },
          { header: "terms_type", value: (r) => r.termsType },
          { header: "versions", value: (r) => r.versionCount },
          { header: "first_recorded_at", value: (r) => r.firstRecordedAt },
          { header: "last_recorded_at", value: (r) => r.lastRecordedAt },
          { header: "current_version_id", value: (r) => r.currentVersionId },
          { header: "grade", value: (r) => r.grade },
          { header: "score", value: (r) => r.score },
        ],
        page,
        next,
      );
    }
    return c.json({ data: page, meta: { nextCursor, next } }, 200);
  });

  api.openapi(one, async (c) => {
    const id = Number(c.req.valid("param").id);
    const document = await getDocument(deps.src, id);
    if (!document) throw notFound(`Document ${id}`);
    return c.json({ data: documentDto(document) }, 200);
  });

  api.openapi(versions, async (c) => {
    const id = Number(c.req.valid("param").id);
    const { format } = c.req.valid("query");
    if (!(await getDocument(deps.src, id))) throw notFound(`Document ${id}`);
    const rows = (await listVersions(deps.src, id)).map(versionSummaryDto);
    if (wantsCsv(c, format)) {
      return csvResponse(
        c,
        `document-${id}-versions`,
        [
          { header: "record_id", value: (r) => r.recordId },
          { header: "recorded_at", value: (r) => r.recordedAt },
          { header: "sha256", value: (r) => r.sha256 },
          { header: "commit_kind", value: (r) => r.commitKind },
          { header: "grade", value: (r) => r.grade },
          { header: "provisions", value: (r) => r.provisionCount },
          { header: "change_record_id", value: (r) => r.changeRecordId },
          { header: "change_kind", value: (r) => r.changeKind },
          { header: "change_severity", value: (r) => r.changeSeverity },
        ],
        rows,
      );
    }
    return c.json({ data: rows }, 200);
  });

  api.openapi(version, async (c) => {
    const id = Number(c.req.valid("param").id);
    const [v, text] = await Promise.all([getVersion(deps.src, id), openVersionText(deps.src, id)]);
    if (!v || !text) throw notFound(`Version ${id}`);
    return versionJsonResponse(c, v, text);
  });
}
