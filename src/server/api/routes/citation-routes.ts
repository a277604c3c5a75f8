import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { citationBibtex, citationCsl, citationText, parseRecordId } from "../../../citations/index.js";
import type { ServerDeps } from "../../deps.js";
import { badRequest, notFound } from "../../http-errors.js";
import { loadCitation } from "../../views/citation-view.js";
import { CitationQuery, CitationSchema, ErrorSchema, RecordIdPath, single } from "../schemas.js";

const cite = createRoute({
  method: "get",
  path: "/v1/citations/{recordId}",
  tags: ["Citations"],
  summary: "Citation record of a document, version, provision or change record",
  request: { params: RecordIdPath, query: CitationQuery },
  responses: {
    200: {
      description: "The citation: JSON (all forms), or `format=text`, `bibtex` or `csl-json` alone",
      content: {
        "application/json": { schema: single(CitationSchema) },
        "text/plain": { schema: z.string() },
        "application/x-bibtex": { schema: z.string() },
        "application/vnd.citationstyles.csl+json": { schema: z.array(z.record(z.string(), z.unknown())) },
      },
    },
    400: { description: "Not a record ID", content: { "application/json": { schema: ErrorSchema } } },
    404: { description: "No such record", content: { "application/json": { schema: ErrorSchema } } },
  },
});

export function registerCitationRoutes(api: OpenAPIHono, deps: ServerDeps): void {
  api.openapi(cite, async (c) => {
    const { recordId } = c.req.valid("param");
    const { format } = c.req.valid("query");
    const ref = parseRecordId(recordId);
    if (!ref) throw badRequest("Invalid record ID", [`recordId: ${recordId} is not of the form CW-P-42`]);
    const citation = await loadCitation(deps, ref.kind, ref.id, new URL(c.req.url).origin);
    if (!citation) throw notFound(`Record ${recordId.toUpperCase()}`);
    switch (format) {
      case "text":
        return c.body(`${citationText(citation)}\n`, 200, { "content-type": "text/plain; charset=utf-8" });
      case "bibtex":
        return c.body(`${citationBibtex(citation)}\n`, 200, {
          "content-type": "application/x-bibtex; charset=utf-8",
          "content-disposition": `inline; filename="${citation.recordId}.bib"`,
        });
      case "csl-json":
        return c.body(JSON.stringify([citationCsl(citation)], null, 2), 200, {
          "content-type": "application/vnd.citationstyles.csl+json; charset=utf-8",
        });
      default:
        return c.json(
          {
            data: {
              ...citation,
              text: citationText(citation),
              bibtex: citationBibtex(citation),
              csl: { ...citationCsl(citation) },
            },
          },
          200,
        );
    }
  });
}
