/** The HTML pages: each handler validates its parameters, loads its view and renders it. */
import type { Hono } from "hono";
import {
  changeRecordKey,
  encodeCursor,
  findPlatform,
  listChangeRecords,
  listPlatformNames,
  listPlatforms,
} from "../../store/queries/index.js";
import type { ServerDeps } from "../deps.js";
import { badRequest, notFound } from "../http-errors.js";
import { ChangePage } from "../pages/change-page.js";
import { ChangesPage } from "../pages/changes-page.js";
import { ClauseTypePage } from "../pages/clause-type-page.js";
import { ClauseTypesPage } from "../pages/clause-types-page.js";
import { ComparePage } from "../pages/compare-page.js";
import { DocumentPage } from "../pages/document-page.js";
import { HomePage } from "../pages/home-page.js";
import { PlatformPage } from "../pages/platform-page.js";
import { PlatformsPage } from "../pages/platforms-page.js";
import { ProvisionPage } from "../pages/provision-page.js";
import { SearchPage } from "../pages/search-page.js";
import {
  ChangesQuery,
  ClauseTypeId,
  CompareSlugs,
  DocumentPageQuery,
  IdParam,
  multiValues,
  PlatformPageQuery,
  parseOrThrow,
  SearchQuery,
  SlugParam,
} from "../params.js";
import { html } from "../render.js";
import { loadChange } from "../views/change-view.js";
import { loadCitation } from "../views/citation-view.js";
import { loadClauseType, loadClauseTypes } from "../views/clause-type-view.js";
import { loadCompare } from "../views/compare-view.js";
import { loadDocument } from "../views/document-view.js";
import { loadHome } from "../views/home-view.js";
import { loadPlatform } from "../views/platform-view.js";
import { loadProvision } from "../views/provision-view.js";
import { loadSearch } from "../views/search-view.js";

const CHANGES_PAGE_SIZE = 30;

function origin(url: string): string {
  return new URL(url).origin;
}

export function registerPageRoutes(app: Hono, deps: ServerDeps): void {
  const k = deps.knowledge;

  app.get("/", async (c) => html(c, <HomePage view={await loadHome(deps)} knowledge={k} />));

  app.get("/platforms", async (c) => html(c, <PlatformsPage platforms={await listPlatforms(deps.src)} />));

  app.get("/platforms/:slug", async (c) => {
    const slug = parseOrThrow(SlugParam, c.req.param("slug"), "platform");
    const query = parseOrThrow(PlatformPageQuery, c.req.query());
    return html(c, <PlatformPage view={await loadPlatform(deps, slug, query)} knowledge={k} />);
  });

  app.get("/documents/:id", async (c) => {
    const id = parseOrThrow(IdParam, c.req.param("id"), "document id");
    const { version, page } = parseOrThrow(DocumentPageQuery, c.req.query());
    const view = await loadDocument(deps, id, version, page);
    const citation = await loadCitation(deps, "version", view.version.id, origin(c.req.url));
    if (!citation) throw notFound(`Version ${view.version.id}`);
    return html(c, <DocumentPage view={view} citation={citation} knowledge={deps.knowledge} />);
  });

  app.get("/versions/:id", async (c) => {
    const id = parseOrThrow(IdParam, c.req.param("id"), "version id");
    const citation = await loadCitation(deps, "version", id, origin(c.req.url));
    if (!citation) throw notFound(`Version ${id}`);
    return c.redirect(new URL(citation.url).pathname + new URL(citation.url).search, 301);
  });

  app.get("/provisions/:id", async (c) => {
    const id = parseOrThrow(IdParam, c.req.param("id"), "provision id");
    const [view, citation] = await Promise.all([
      loadProvision(deps, id),
      loadCitation(deps, "provision", id, origin(c.req.url)),
    ]);
    if (!citation) throw notFound(`Provision ${id}`);
    return html(c, <ProvisionPage view={view} knowledge={k} citation={citation} />);
  });

  app.get("/changes", async (c) => {
    const q = parseOrThrow(ChangesQuery, c.req.query());
    const [platforms, platform] = await Promise.all([
      listPlatformNames(deps.src),
      q.platform ? findPlatform(deps.src, q.platform) : Promise.resolve(undefined),
    ]);
    if (q.platform && !platform)
      throw badRequest("Unknown platform", [`platform: no platform “${q.platform}”`]);
    const rows = await listChangeRecords(deps.src, {
      ...(platform ? { platformIds: [platform.id] } : {}),
      ...(q.severity ? { minSeverity: q.severity } : {}),
      ...(q.kind ? { kinds: [q.kind] } : {}),
      ...(q.since ? { since: q.since } : {}),
      ...(q.until ? { until: q.until } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
      limit: CHANGES_PAGE_SIZE + 1,
    });
    const items = rows.slice(0, CHANGES_PAGE_SIZE);
    const last = items[items.length - 1];
    const nextCursor = rows.length > CHANGES_PAGE_SIZE && last ? encodeCursor(changeRecordKey(last)) : null;
    const filter = {
      platform: q.platform,
      severity: q.severity,
      kind: q.kind,
      since: q.since,
      until: q.until,
    };
    return html(
      c,
      <ChangesPage
        items={items}
        nextCursor={nextCursor}
        filter={filter}
        platforms={platforms}
        paged={q.cursor !== undefined}
      />,
    );
  });

  app.get("/changes/:id", async (c) => {
    const id = parseOrThrow(IdParam, c.req.param("id"), "change record id");
    const [view, citation] = await Promise.all([
      loadChange(deps, id),
      loadCitation(deps, "change", id, origin(c.req.url)),
    ]);
    if (!citation) throw notFound(`Change record ${id}`);
    return html(c, <ChangePage view={view} knowledge={k} citation={citation} />);
  });

  app.get("/clause-types", async (c) => {
    const { table, rows } = await loadClauseTypes(deps);
    return html(c, <ClauseTypesPage rows={rows} table={table} />);
  });

  app.get("/clause-types/:id", async (c) => {
    const id = parseOrThrow(ClauseTypeId, c.req.param("id"), "clause type");
    return html(c, <ClauseTypePage view={await loadClauseType(deps, id)} knowledge={k} />);
  });

  app.get("/compare", async (c) => {
    const slugs = parseOrThrow(CompareSlugs, multiValues(c.req.queries("p")), "platforms");
    return html(c, <ComparePage view={await loadCompare(deps, slugs)} knowledge={k} selected={slugs} />);
  });

  app.get("/search", async (c) => {
    const q = parseOrThrow(SearchQuery, c.req.query());
    return html(c, <SearchPage view={await loadSearch(deps, q)} knowledge={k} />);
  });
}
