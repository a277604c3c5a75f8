/**
 * Memory and size of the page of a very large version: a real policy (Proton Mail's, see NOTICE) repeated to
 * about 47 MB, imported into a fresh SQLite archive and served on loopback. Ten requests of the document page
 * (one page of the text) against ten of the version's full text from the API (`/api/v1/versions/<id>`, what
 * the page used to render whole), measured in the same run: bytes per response, time, and the server
 * process's peak RSS during each phase (the page phase runs first, so the API phase cannot lower it).
 *
 *   npm run bench:large-version -- [--megabytes 47] [--requests 10]
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Archiver } from "../src/archive/archiver.js";
import { WarcWriter } from "../src/archive/warc/warc-writer.js";
import { startServer } from "../src/server/index.js";
import { openStore } from "../src/store/index.js";

const { values } = parseArgs({
  options: { megabytes: { type: "string", default: "47" }, requests: { type: "string", default: "10" } },
});
const POLICY = readFileSync(
  new URL("../src/changes/fixtures/Proton Mail/Privacy Policy/2026-02-04T12-46-26Z.md", import.meta.url),
);
const REQUESTS = Number(values.requests);

/** Runs `REQUESTS` sequential GETs of `url`, sampling RSS; bytes of one response, ms per request, peak RSS. */
async function phase(
  url: string,
): Promise<{ bytes: number; msPerRequest: number; rssBeforeMb: number; peakRssMb: number }> {
  global.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const response = await fetch(url);
    bytes = (await response.arrayBuffer()).byteLength;
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  }
  const msPerRequest = (performance.now() - started) / REQUESTS;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  const mb = (n: number) => Math.round(n / 2 ** 20);
  return { bytes, msPerRequest: Math.round(msPerRequest), rssBeforeMb: mb(before), peakRssMb: mb(peak) };
}

const dataDir = await mkdtemp(join(tmpdir(), "clausewatch-bench-large-"));
try {
  const store = await openStore({ databaseUrl: `sqlite:${join(dataDir, "clausewatch.db")}`, dataDir });
  const copies = Math.ceil((Number(values.megabytes) * 2 ** 20) / POLICY.byteLength);
  const bytes = Buffer.concat(Array.from({ length: copies }, () => POLICY));
  const outcome = await new Archiver(store, { warc: new WarcWriter(join(dataDir, "warc")) }).importVersion({
    platform: "Proton Mail",
    termsType: "Privacy Policy",
    recordedAt: "2026-02-04T12:46:26.000Z",
    bytes,
    source: `fixture:proton-x${copies}.md`,
  });
  if (outcome.kind !== "version") throw new Error(`import: ${outcome.kind}`);
  const server = await startServer(store, { port: 0 });
  const page = await phase(`${server.url}/documents/${outcome.version.documentId}`);
  const full = await phase(`${server.url}/api/v1/versions/${outcome.version.id}`);
  await server.close();
  await store.close();
  const result = {
    versionMb: Math.round(bytes.byteLength / 2 ** 20),
    requests: REQUESTS,
    page,
    fullText: full,
    ratios: {
      bytes: Number((page.bytes / full.bytes).toFixed(4)),
      time: Number((page.msPerRequest / full.msPerRequest).toFixed(3)),
    },
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
