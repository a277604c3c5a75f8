/** End to end: the HTTP API over the analysed demo corpus — JSON, CSV, pagination, errors and its OpenAPI description. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { z as zod } from "@hono/zod-openapi";
import type { Hono } from "hono";
import type { z } from "zod";
import { issueApiKey } from "../../src/access/index.js";
import { countChanges, formatCounts } from "../../src/changes/counts.js";
import {
  ChangeRecordDetailSchema,
  ChangeRecordSchema,
  CitationSchema,
  ClauseTypeSchema,
  cursorList,
  DocumentSchema,
  NewWatchlistSchema,
  PageMetaSchema,
  PlatformSchema,
  ProvisionSchema,
  SearchHitSchema,
  StatsSchema,
  single,
  VersionSchema,
  VersionSummarySchema,
  WatchlistSchema,
} from "../../src/server/api/schemas.js";
import { createApp } from "../../src/server/index.js";
import { listChangeRecords, listDocuments, listProvisions } from "../../src/store/queries/index.js";
import { type DemoStore, openDemoStore } from "./helpers/demo-store.js";

/** Minimal RFC 4180 reader: enough to count records and fields of our own CSV. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

describe("HTTP API over the analysed demo corpus", () => {
  let demo: DemoStore;
  let app: Hono;
  const ids = { document: 0, version: 0, provision: 0, change: 0 };

  before(async () => {
    demo = await openDemoStore();
    app = createApp(demo.store, { now: () => new Date("2026-07-04T12:00:00Z") });
    const src = demo.store.backend;
    const [document] = await listDocuments(src, { limit: 1 });
    const [provision] = await listProvisions(src, { severity: "high", limit: 1 });
    const [change] = await listChangeRecords(src, { kinds: ["substantive"], limit: 1 });
    ids.document = document?.id ?? 0;
    ids.version = document?.currentVersionId ?? 0;
    ids.provision = provision?.id ?? 0;
    ids.change = change?.id ?? 0;
    assert.ok(Object.values(ids).every((id) => id > 0));
  });

  after(async () => {
    await demo?.dispose();
  });

  async function json<S extends z.ZodType>(
    path: string,
    schema: S,
    init: RequestInit = {},
    status = 200,
  ): Promise<z.infer<S>> {
    const response = await app.request(path, init);
    assert.equal(response.status, status, `${path}: ${response.status} ${await response.clone().text()}`);
    assert.match(response.headers.get("content-type") ?? "", /application\/json/);
    const parsed = schema.safeParse(await response.json());
    assert.ok(
      parsed.success,
      `${path} does not match its documented schema: ${parsed.success ? "" : parsed.error.message}`,
    );
    return parsed.data;
  }

  it("answers every listing and record in the shape its OpenAPI schema documents", async () => {
    const platforms = await json("/api/v1/platforms", single(zod.array(PlatformSchema)));
    assert.equal(platforms.data.length, 15);
    const github = platforms.data.find((p) => p.slug === "github");
    assert.ok(github && github.versionCount > 0 && github.documentCount === 2);
    await json(
      "/api/v1/platforms/github",
      single(PlatformSchema.extend({ documents: zod.array(DocumentSchema) })),
    );
    await json("/api/v1/documents?limit=5", cursorList(DocumentSchema));
    await json(`/api/v1/documents/${ids.document}`, single(DocumentSchema));
    await json(`/api/v1/documents/${ids.document}/versions`, single(zod.array(VersionSummarySchema)));
    const version = await json(`/api/v1/versions/${ids.version}`, single(VersionSchema));
    assert.ok(version.data.text.length > 100 && version.data.evidence.chainSeq !== null);
    const provisions = await json("/api/v1/provisions?severity=high&limit=10", cursorList(ProvisionSchema));
    assert.ok(provisions.data.every((p) => p.maxSeverity === "high"));
    assert.ok(provisions.data.every((p) => p.clauses.length > 0));
    await json(
      `/api/v1/provisions/${ids.provision}`,
      single(ProvisionSchema.extend({ inForce: zod.boolean() })),
    );
    await json("/api/v1/change-records?severity=medium", cursorList(ChangeRecordSchema));
    await json(`/api/v1/change-records/${ids.change}`, single(ChangeRecordDetailSchema));
    const types = await json("/api/v1/clause-types", single(zod.array(ClauseTypeSchema)));
    assert.ok(types.data.length >= 50);
    assert.ok(types.data.some((t) => t.prevalence.platforms > 0 && t.prevalence.analysedPlatforms === 15));
    await json("/api/v1/clause-types/sharing-institutional-clients", single(ClauseTypeSchema));
    const search = await json(
      "/api/v1/search?q=personal+data&limit=5",
      zod.object({ data: zod.array(SearchHitSchema), meta: PageMetaSchema }),
    );
    assert.ok(search.meta.total > 5 && search.data[0]?.snippet.includes("[["));
    await json(`/api/v1/citations/CW-P-${ids.provision}`, single(CitationSchema));
    await json("/api/v1/stats", single(StatsSchema));
    await json("/api/v1/compare?p=github,edx", single(zod.object({ platforms: zod.array(PlatformSchema) })));

    const { key } = await issueApiKey(demo.store, "schema check");
    const authorization = `Bearer ${key}`;
    const created = await json(
      "/api/v1/watchlists",
      single(NewWatchlistSchema),
      {
        method: "POST",
        headers: { authorization, "content-type": "application/json" },
        body: JSON.stringify({ name: "GitHub", channel: "atom", filter: { platforms: ["github"] } }),
      },
      201,
    );
    await json("/api/v1/watchlists", single(zod.array(WatchlistSchema)), { headers: { authorization } });
    await json(`/api/v1/watchlists/${created.data.id}`, single(WatchlistSchema), {
      headers: { authorization },
    });
    const deleted = await app.request(`/api/v1/watchlists/${created.data.id}`, {
      method: "DELETE",
      headers: { authorization },
    });
    assert.equal(deleted.status, 204);
  });

  it("shows one count of a record's changes on its page, in the API and in its store; one count of change records", async () => {
    const record = await demo.store.changes.get(ids.change);
    assert.ok(record);
    const api = (await (await app.request(`/api/v1/change-records/${ids.change}`)).json()) as {
      data: { counts: ReturnType<typeof countChanges>; headline: string; deltas: unknown[] };
    };
    assert.deepEqual(api.data.counts, countChanges(record.provisionChanges));
    assert.equal(api.data.headline, record.headline);
    assert.equal(api.data.deltas.length, record.deltas.length);
    const page = await (await app.request(`/changes/${ids.change}`)).text();
    assert.ok(page.includes(formatCounts(api.data.counts)), "the record page shows the API's counts");
    // "Change records" on the dashboard and in the API's stats: records with a version before them.
    const stats = (await (await app.request("/api/v1/stats")).json()) as { data: { changes: number } };
    const all = await listChangeRecords(demo.store.backend, { limit: 100_000 });
    assert.equal(stats.data.changes, all.length);
    const home = await (await app.request("/")).text();
    assert.match(home, new RegExp(`<b>${stats.data.changes}</b> change records`));
  });

  it("serves CSV for every listing, on ?format=csv or Accept: text/csv", async () => {
    const listings = [
      "/api/v1/platforms",
      "/api/v1/documents",
      `/api/v1/documents/${ids.document}/versions`,
      "/api/v1/provisions?limit=20",
      "/api/v1/change-records?limit=20",
      "/api/v1/clause-types",
      "/api/v1/search?q=data&limit=20",
      "/api/v1/compare?p=github,edx,signal",
    ];
    for (const path of listings) {
      const asJson = (await (await app.request(path)).json()) as { data: unknown[] | { rows: unknown[] } };
      const count = Array.isArray(asJson.data) ? asJson.data.length : asJson.data.rows.length;
      const sep = path.includes("?") ? "&" : "?";
      for (const response of [
        await app.request(`${path}${sep}format=csv`),
        await app.request(path, { headers: { accept: "text/csv" } }),
      ]) {
        assert.equal(response.status, 200, path);
        assert.match(response.headers.get("content-type") ?? "", /^text\/csv; charset=utf-8/, path);
        const rows = parseCsv(await response.text());
        assert.equal(rows.length, count + 1, `${path}: header plus one line per record`);
        assert.ok(
          rows.every((r) => r.length === rows[0]?.length),
          `${path}: rectangular`,
        );
      }
    }
  });

  it("pages through listings with cursors and page numbers, announcing the next page", async () => {
    const all = (await (await app.request("/api/v1/provisions?platform=github&limit=40")).json()) as {
      data: { id: number }[];
    };
    const first = (await (await app.request("/api/v1/provisions?platform=github&limit=20")).json()) as {
      data: { id: number }[];
      meta: { nextCursor: string; next: string };
    };
    assert.ok(first.meta.nextCursor && first.meta.next.includes(`cursor=${first.meta.nextCursor}`));
    const second = (await (await app.request(first.meta.next)).json()) as { data: { id: number }[] };
    assert.deepEqual(
      [...first.data, ...second.data].map((p) => p.id),
      all.data.map((p) => p.id),
    );
    const csv = await app.request("/api/v1/provisions?platform=github&limit=20&format=csv");
    assert.match(csv.headers.get("link") ?? "", /rel="next"/);

    const changes = (await (await app.request("/api/v1/change-records?limit=3")).json()) as {
      data: { id: number }[];
      meta: { next: string };
    };
    const more = (await (await app.request(changes.meta.next)).json()) as { data: { id: number }[] };
    const six = (await (await app.request("/api/v1/change-records?limit=6")).json()) as {
      data: { id: number }[];
    };
    assert.deepEqual(
      [...changes.data, ...more.data].map((c) => c.id),
      six.data.map((c) => c.id),
    );

    const page2 = (await (await app.request("/api/v1/search?q=data&limit=5&page=2")).json()) as {
      meta: { page: number; next: string };
    };
    assert.equal(page2.meta.page, 2);
    assert.match(page2.meta.next, /page=3/);
  });

  it("rejects bad parameters with 400 and one line per problem; 404 for missing records and routes", async () => {
    const cases: [string, number, RegExp][] = [
      ["/api/v1/provisions?severity=extreme&limit=0", 400, /severity.*one of high, medium, low[\s\S]*limit/],
      ["/api/v1/change-records?cursor=garbage", 400, /cursor/],
      ["/api/v1/change-records?since=2025-02-30x", 400, /since/],
      ["/api/v1/search", 400, /q/],
      ["/api/v1/compare?p=github", 400, /2 to 4 platform/],
      ["/api/v1/compare?p=github,nope", 400, /no platform “nope”/],
      ["/api/v1/provisions/0", 400, /id/],
      ["/api/v1/citations/XX-1", 400, /record ID/],
      ["/api/v1/provisions/99999999", 404, /Provision 99999999 not found/],
      ["/api/v1/citations/CW-C-99999999", 404, /not found/],
      ["/api/v1/nothing-here", 404, /No API route/],
    ];
    for (const [path, status, message] of cases) {
      const response = await app.request(path);
      assert.equal(response.status, status, path);
      const body = (await response.json()) as {
        error: { status: number; message: string; details: string[] };
      };
      assert.equal(body.error.status, status);
      assert.match(`${body.error.message}\n${body.error.details.join("\n")}`, message, path);
    }
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const response = await app.request("/api/v1/platforms", { method });
      assert.equal(response.status, 404, `${method} is not an API operation`);
    }
    const empty = await app.request("/api/v1/provisions?severity=&type=&limit=5");
    assert.equal(empty.status, 302, "empty form fields are dropped");
    assert.equal(empty.headers.get("location"), "/api/v1/provisions?limit=5");
  });

  it("gives citations as text, BibTeX and CSL-JSON, and resolves record IDs to pages", async () => {
    const text = await (await app.request(`/api/v1/citations/CW-P-${ids.provision}?format=text`)).text();
    assert.match(
      text,
      new RegExp(
        `^Entity: .+\\nDocument: .+\\nRecord ID: CW-P-${ids.provision}\\nCaptured: .+ UTC\\nSHA-256: [0-9a-f]{64}\\n`,
      ),
    );
    assert.match(text, /Accessed: 2026-07-04/);
    const bib = await app.request(`/api/v1/citations/CW-C-${ids.change}?format=bibtex`);
    assert.match(bib.headers.get("content-type") ?? "", /application\/x-bibtex/);
    assert.match(await bib.text(), new RegExp(`^@misc\\{CW-C-${ids.change},`));
    const csl = (await (
      await app.request(`/api/v1/citations/CW-D-${ids.document}?format=csl-json`)
    ).json()) as { id: string }[];
    assert.equal(csl[0]?.id, `CW-D-${ids.document}`);
    const redirect = await app.request(`/records/CW-V-${ids.version}`);
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get("location"), `/documents/${ids.document}?version=${ids.version}`);
  });

  it("publishes an OpenAPI 3.1 description that documents every API route, with a browsable reference", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      openapi: string;
      info: { title: string };
      paths: Record<
        string,
        Record<
          string,
          {
            summary?: string;
            parameters?: { name: string; in: string }[];
            responses: Record<string, unknown>;
            security?: Record<string, string[]>[];
          }
        >
      >;
      components: {
        schemas: Record<string, unknown>;
        securitySchemes: Record<string, { type: string; scheme: string }>;
      };
    };
    assert.equal(doc.openapi, "3.1.0");
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} /api${path}`),
      ),
    );
    const routed = new Set(
      app.routes
        .filter((r) => r.path.startsWith("/api/v1/") && r.method !== "ALL")
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`),
    );
    assert.ok(routed.size >= 16, `${routed.size} routes`);
    for (const op of ["GET", "POST"].map((m) => `${m} /api/v1/watchlists`))
      assert.ok(routed.has(op) && documented.has(op), op);
    for (const op of ["GET", "DELETE"].map((m) => `${m} /api/v1/watchlists/{id}`))
      assert.ok(routed.has(op) && documented.has(op), op);
    assert.deepEqual(
      [...routed].filter((r) => !documented.has(r)),
      [],
      "every API route is documented",
    );
    assert.deepEqual(
      [...documented].filter((d) => !routed.has(d)),
      [],
      "every documented operation exists",
    );
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        assert.ok(op.summary, `${method} ${path} has a summary`);
        assert.ok(
          Object.keys(op.responses).some((s) => s.startsWith("2")) && op.responses["400"],
          `${method} ${path} documents success and errors`,
        );
        // Watchlists are the keyed part of the API; everything else stays public.
        const keyed = path.startsWith("/v1/watchlists");
        assert.equal(Boolean(op.security?.length), keyed, `${method} ${path}: security`);
        if (keyed) {
          const [scheme] = Object.keys(op.security?.[0] ?? {});
          assert.deepEqual(
            {
              type: doc.components.securitySchemes[scheme ?? ""]?.type,
              scheme: doc.components.securitySchemes[scheme ?? ""]?.scheme,
            },
            { type: "http", scheme: "bearer" },
          );
          assert.ok(op.responses["401"], `${method} ${path} documents 401`);
        }
        for (const name of path.match(/\{(\w+)\}/g) ?? []) {
          assert.ok(
            op.parameters?.some((p) => p.in === "path" && `{${p.name}}` === name),
            `${path} declares ${name}`,
          );
        }
      }
    }
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const ref of refs) assert.ok(doc.components.schemas[ref.slice(22, -1)], `${ref} resolves`);
    const page = await app.request("/api/docs");
    assert.equal(page.status, 200);
    const html = await page.text();
    for (const path of Object.keys(doc.paths))
      assert.ok(
        html.includes(`/api${path.replace(/[{}]/g, (c) => (c === "{" ? "{" : "}"))}`),
        `${path} listed`,
      );
    assert.match(page.headers.get("content-security-policy") ?? "", /script-src 'none'/);
    // Backtick spans of the descriptions become escaped code, not raw backticks.
    assert.ok(html.includes("<code>Authorization: Bearer &lt;key&gt;</code>"), "code span escaped");
    assert.ok(html.includes("<code>Accept: text/csv</code>"));
    assert.doesNotMatch(html, /`[^`<]+`/, "no raw backtick span left");
    // Path parameters get their own fields (no hard-wired id); the form's redirect fills them in, encoded.
    assert.match(html, /<input type="hidden" name="operation" value="\/v1\/documents\/\{id\}\/versions"\/>/);
    assert.match(
      html,
      /<input id="get-v1-documents-id-versions-id" name="path.id" placeholder="1" required=""\/>/,
    );
    assert.doesNotMatch(html, /action="\/api\/v1\/documents\/1/);
    const tried = await app.request(
      "/api/docs/try?operation=/v1/documents/{id}/versions&path.id=2&format=csv",
    );
    assert.equal(tried.status, 303);
    assert.equal(tried.headers.get("location"), "/api/v1/documents/2/versions?format=csv");
    const slashed = await app.request("/api/docs/try?operation=/v1/platforms/{slug}&path.slug=a%2F..%2Fb");
    assert.equal(slashed.headers.get("location"), "/api/v1/platforms/a%2F..%2Fb");
    for (const bad of ["operation=/v1/nowhere", "operation=/v1/documents/{id}", "operation=/v1/watchlists"]) {
      const refused = await app.request(`/api/docs/try?${bad}`);
      assert.equal(refused.status, 400, bad);
    }
    // An enum parameter is offered as a choice of its values.
    assert.match(
      html,
      /<select id="get-v1-search-format" name="format"><option value="">\(default\)<\/option><option value="json">json<\/option><option value="csv">csv<\/option><\/select>/,
    );
  });
});
