/** The HTTP API (/api/v1/…), its OpenAPI description and its reference page. */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { ServerDeps } from "../deps.js";
import { badRequest } from "../http-errors.js";
import { BEARER_SCHEME } from "./api-key-auth.js";
import { registerChangeRoutes } from "./routes/change-routes.js";
import { registerCitationRoutes } from "./routes/citation-routes.js";
import { registerClauseTypeRoutes } from "./routes/clause-type-routes.js";
import { registerDocumentRoutes } from "./routes/document-routes.js";
import { registerLogRoutes } from "./routes/log-routes.js";
import { registerOverviewRoutes } from "./routes/overview-routes.js";
import { registerPlatformRoutes } from "./routes/platform-routes.js";
import { registerProvisionRoutes } from "./routes/provision-routes.js";
import { registerSearchRoutes } from "./routes/search-routes.js";
import { registerWatchlistRoutes } from "./routes/watchlist-routes.js";

/** The OpenAPI 3.1 document of the API, as served at /api/openapi.json. */
export type OpenApiDocument = ReturnType<OpenAPIHono["getOpenAPI31Document"]>;

const INFO = {
  title: "ClauseWatch API",
  version: "1.0.0",
  description:
    "Open access to the archive: platforms, documents, versions (with proof), provisions and their classifications, change records, clause type prevalence, full-text search and citation records. Every listing answers JSON or CSV (`?format=csv` or `Accept: text/csv`). Listings use cursor pagination (`meta.nextCursor`), search uses page numbers. Watchlists (alerts on changes by webhook, e-mail or a private Atom feed) are managed with an API key issued by the operator (`clausewatch keys add`), sent as `Authorization: Bearer <key>`.",
};

/** Builds the API app, to be mounted at /api. */
export function createApi(deps: ServerDeps): { api: OpenAPIHono; document: () => OpenApiDocument } {
  const api = new OpenAPIHono({
    // Schema failures become the same 400 as every other bad request: message plus one line per parameter.
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === "param" ? "path" : result.target === "json" ? "body" : result.target;
        const details = result.error.issues.map(
          (issue) => `${issue.path.join(".") || where}: ${issue.message}`,
        );
        throw badRequest(`Invalid ${where} parameters`, details);
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
  registerLogRoutes(api, deps);
  api.openAPIRegistry.registerComponent("securitySchemes", BEARER_SCHEME, {
    type: "http",
    scheme: "bearer",
    description:
      "An API key issued by the operator (`clausewatch keys add <name>`): `cwk_` and 43 more characters",
  });
  registerWatchlistRoutes(api, deps);
  let cached: OpenApiDocument | undefined;
  const document = () => {
    cached ??= api.getOpenAPI31Document({ openapi: "3.1.0", info: INFO, servers: [{ url: "/api" }] });
    return cached;
  };
  return { api, document };
}
