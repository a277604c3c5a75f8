/** The read-only HTTP API (/api/v1/…), its OpenAPI description and its reference page. */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { ServerDeps } from "../deps.js";
import { badRequest } from "../http-errors.js";
import { registerChangeRoutes } from "./routes/change-routes.js";
import { registerCitationRoutes } from "./routes/citation-routes.js";
import { registerClauseTypeRoutes } from "./routes/clause-type-routes.js";
import { registerDocumentRoutes } from "./routes/document-routes.js";
import { registerOverviewRoutes } from "./routes/overview-routes.js";
import { registerPlatformRoutes } from "./routes/platform-routes.js";
import { registerProvisionRoutes } from "./routes/provision-routes.js";
import { registerSearchRoutes } from "./routes/search-routes.js";

/** The OpenAPI 3.1 document of the API, as served at /api/openapi.json. */
export type OpenApiDocument = ReturnType<OpenAPIHono["getOpenAPI31Document"]>;

const INFO = {
  title: "ClauseWatch API",
  version: "1.0.0",
  description:
    "Read-only access to the archive: platforms, documents, versions (with proof), provisions and their classifications, change records, clause type prevalence, full-text search and citation records. Every listing answers JSON or CSV (`?format=csv` or `Accept: text/csv`). Listings use cursor pagination (`meta.nextCursor`), search uses page numbers.",
};

/** Builds the API app, to be mounted at /api. */
export function createApi(deps: ServerDeps): { api: OpenAPIHono; document: () => OpenApiDocument } {
  const api = new OpenAPIHono({
    // Schema failures become the same 400 as every other bad request: message plus one line per parameter.
    defaultHook: (result) => {
      if (!result.success) {
        const details = result.error.issues.map(
          (issue) => `${issue.path.join(".") || result.target}: ${issue.message}`,
        );
        throw badRequest(`Invalid ${result.target === "param" ? "path" : result.target} parameters`, details);
      }
    },
  });
  registerPlatformRoutes(api, deps);
  registerDocumentRoutes(api, deps);
  registerProvisionRoutes(api, deps);
  registerChangeRoutes(api, deps);
  registerClauseTypeRoutes(api, deps);
  registerSearchRoutes(api, deps);
  registerCitationRoutes(api, deps);
  registerOverviewRoutes(api, deps);
  let cached: OpenApiDocument | undefined;
  const document = () => {
    cached ??= api.getOpenAPI31Document({ openapi: "3.1.0", info: INFO, servers: [{ url: "/api" }] });
    return cached;
  };
  return { api, document };
}
