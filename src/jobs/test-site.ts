/**
 * Test support only: a loopback site serving real captured pages (test/fixtures/pages), where a path
 * can answer with failure statuses for its first requests, and the documents that track it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Archiver, type VersionListener } from "../archive/archiver.js";
import { startServer, type TestServer } from "../archive/fetch/test-server.js";
import { WarcWriter } from "../archive/warc/warc-writer.js";
import type { TrackedDocument } from "../model/index.js";
import type { Store } from "../store/index.js";

const PAGE_URL = new URL("../../test/fixtures/pages/ota-privacy-2024-03-26.html", import.meta.url);

/** Polls `condition` until it holds; fails after a generous deadline (tests assert no timing). */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What a path answers: `failures` times `failStatus`, then the page (or `status` forever). */
export interface Route {
  status?: number;
  failStatus?: number;
  failures?: number;
}

/** A running site; `hits(path)` counts requests. */
export interface TestSite {
  server: TestServer;
  url(path: string): string;
  hits(path: string): number;
  close(): Promise<void>;
}

/** Serves the page at every path, shaped by `routes`. */
export async function startTestSite(routes: Record<string, Route> = {}): Promise<TestSite> {
  const page = readFileSync(PAGE_URL);
  const served = new Map<string, number>();
  const server = await startServer((request, response) => {
    const path = request.url ?? "/";
    const n = (served.get(path) ?? 0) + 1;
    served.set(path, n);
    const route = routes[path] ?? {};
    const status = n <= (route.failures ?? 0) ? (route.failStatus ?? 503) : (route.status ?? 200);
    if (status !== 200) {
      response
        .writeHead(status, { "content-type": "text/html", "retry-after": "0" })
        .end(`<h1>${status}</h1>`);
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
  return { server, url: server.url, hits: server.count, close: server.close };
}

/** One platform per path ("Site /a"), each with a privacy policy fetched from the site. */
export async function trackPaths(store: Store, site: TestSite, paths: string[]): Promise<TrackedDocument[]> {
  const documents: TrackedDocument[] = [];
  for (const path of paths) {
    const platform = await store.platforms.ensure(`Site ${path}`);
    documents.push(
      await store.documents.ensure(platform.id, "Privacy Policy", [
        { fetch: site.url(path), select: ".textcontent" },
      ]),
    );
  }
  return documents;
}

/** An archiver for loopback captures: private network allowed, no fetch-level retries (the queue retries). */
export function testArchiver(store: Store, dataDir: string, onVersion?: VersionListener): Archiver {
  return new Archiver(store, {
    warc: new WarcWriter(join(dataDir, "warc")),
    fetch: { allowPrivateNetwork: true, retries: 0, timeoutMs: 10_000 },
    ...(onVersion ? { onVersion } : {}),
  });
}
