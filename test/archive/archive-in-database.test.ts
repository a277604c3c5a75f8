/**
 * Where the archive keeps its bytes: on PostgreSQL, blobs and WARC records are rows (nothing under the data
 * directory), so every machine reads them; on SQLite, files. On both, `verify` reads every record back and names
 * a damaged one, and `export-warc` writes standard WARC/1.1 files that warcio parses.
 */
import assert from "node:assert/strict";
import { createReadStream } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { WARCParser } from "warcio";
import { Archiver } from "../../src/archive/archiver.js";
import { startServer, type TestServer } from "../../src/archive/fetch/test-server.js";
import { verifyArchive } from "../../src/archive/verify/index.js";
import { exportWarc } from "../../src/archive/warc/warc-export.js";
import { warcSinkFor } from "../../src/archive/warc/warc-writer.js";
import type { Snapshot } from "../../src/model/index.js";
import { openStore } from "../../src/store/index.js";
import { sha256Hex } from "../../src/util/hash.js";
import { createTestStore, describeEachBackend, POSTGRES_URL, type TestStore } from "../helpers/backends.js";

const PAGES = ["ota-privacy-2024-03-26.html", "ota-imprint-2026-04-22.html"];
const page = (name: string) => readFile(fileURLToPath(new URL(`../fixtures/pages/${name}`, import.meta.url)));

/** Every record of the WARC files under `dir`, parsed by warcio. */
async function parseWarcFiles(dir: string) {
  const records: { type: string | undefined; url: string | null | undefined; sha256: string }[] = [];
  for (const file of (await readdir(dir)).sort()) {
    for await (const record of new WARCParser(createReadStream(join(dir, file)))) {
      const payload = await record.readFully();
      records.push({ type: record.warcType, url: record.warcTargetURI, sha256: sha256Hex(payload) });
    }
  }
  return records;
}

let site: TestServer;
let pages: Buffer[];

before(async () => {
  pages = await Promise.all(PAGES.map(page));
  site = await startServer((request, response) => {
    const i = Number(request.url?.split("/")[1] ?? 0);
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(pages[i % pages.length]);
  });
});
after(() => site.close());

describeEachBackend("the archive's bytes, wherever they are kept", (get, backend) => {
  const snapshots: Snapshot[] = [];
  const warcDir = () => join(get().dataDir, "warc");

  before(async () => {
    const { store, dataDir } = get();
    const archiver = new Archiver(store, {
      warc: warcSinkFor(store, dataDir),
      fetch: { allowPrivateNetwork: true, retries: 0 },
    });
    for (const [i, name] of ["Alpha", "Beta"].entries()) {
      const platform = await store.platforms.ensure(name);
      const document = await store.documents.ensure(platform.id, "Privacy Policy", [
        { fetch: site.url(`/${i}`) },
      ]);
      const outcome = await archiver.captureDocument(document);
      assert.equal(outcome.kind, "version", JSON.stringify(outcome));
      snapshots.push(...(await store.snapshots.listByDocument(document.id)));
    }
  });

  it(`keeps blobs and WARC records ${backend === "postgres" ? "in the database, nothing on disk" : "in files"}`, async () => {
    const { store, dataDir } = get();
    const stored = await readdir(dataDir);
    if (backend === "postgres") {
      assert.deepEqual(
        snapshots.map((s) => s.warc?.store),
        ["database", "database"],
      );
      assert.ok(
        !stored.includes("blobs") && !stored.includes("warc"),
        `nothing under the data dir: ${stored}`,
      );
    } else {
      assert.deepEqual(
        snapshots.map((s) => s.warc?.store),
        ["file", "file"],
      );
      assert.ok(stored.includes("blobs") && stored.includes("warc"));
    }
    for (const [i, s] of snapshots.entries())
      assert.ok(Buffer.from(await store.blobs.get(s.sha256)).equals(pages[i]!));
    const report = await verifyArchive(store, { warcDir: warcDir() });
    assert.equal(report.ok, true, JSON.stringify(report.problems));
    assert.equal(report.warcRecordsChecked, 2);
  });

  it("exports standard WARC/1.1 files that warcio parses: a warcinfo record, then one response per capture", async () => {
    const { store } = get();
    const out = await mkdtemp(join(tmpdir(), "clausewatch-warc-export-"));
    try {
      const all = await exportWarc(store, { warcDir: warcDir(), outDir: join(out, "all") });
      assert.deepEqual(all.problems, []);
      assert.equal(all.records, 2);
      const [info, ...responses] = await parseWarcFiles(join(out, "all"));
      assert.equal(info?.type, "warcinfo");
      assert.deepEqual(
        responses,
        snapshots.map((s) => ({ type: "response", url: s.url, sha256: s.sha256 })),
      );
      const beta = await exportWarc(store, {
        warcDir: warcDir(),
        outDir: join(out, "beta"),
        platforms: ["beta"],
      });
      assert.equal(beta.records, 1);
      assert.deepEqual(
        (await parseWarcFiles(join(out, "beta"))).filter((r) => r.type === "response").map((r) => r.url),
        [snapshots[1]!.url],
      );
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  if (backend === "postgres") {
    it("names the snapshot whose WARC record in the database was damaged, and exports the others", async () => {
      const { store } = get();
      const at = snapshots[0]!.warc;
      assert.equal(at?.store, "database");
      if (at?.store !== "database") return;
      const [original] = (await store.warcRecords.get([at.recordId])).values();
      assert.ok(original);
      const flipped = Buffer.from(original);
      const middle = Math.floor(flipped.length / 2);
      flipped[middle] = flipped[middle]! ^ 0x01;
      await store.db
        .updateTable("warc_records")
        .set({ gzip: flipped })
        .where("id", "=", at.recordId)
        .execute();
      const out = await mkdtemp(join(tmpdir(), "clausewatch-warc-export-"));
      try {
        const report = await verifyArchive(store, { warcDir: warcDir() });
        assert.equal(report.problems.length, 1, JSON.stringify(report.problems));
        assert.match(
          report.problems[0]!.problem,
          new RegExp(
            `^snapshot ${snapshots[0]!.id}: its WARC record \\(record ${at.recordId} in the database\\) is damaged`,
          ),
        );
        const exported = await exportWarc(store, { warcDir: warcDir(), outDir: out });
        assert.equal(exported.records, 1);
        assert.match(
          exported.problems.join("\n"),
          new RegExp(`^snapshot ${snapshots[0]!.id}: .* is damaged`),
        );
      } finally {
        await store.db
          .updateTable("warc_records")
          .set({ gzip: original })
          .where("id", "=", at.recordId)
          .execute();
        await rm(out, { recursive: true, force: true });
      }
      assert.equal((await verifyArchive(store, { warcDir: warcDir() })).ok, true);
    });
  }
});

describe("the PostgreSQL blob store under concurrent workers", () => {
  let first: TestStore;
  before(async () => {
    first = await createTestStore("postgres");
  });
  after(() => first.dispose());

  it("stores the same bytes once when several processes put them at once", async () => {
    // A second connection pool on the same schema, as another worker's would be.
    const second = await openStore({
      databaseUrl: POSTGRES_URL,
      dataDir: first.dataDir,
      postgresSchema: first.postgresSchema!,
    });
    try {
      const bytes = await page(PAGES[0]!);
      const shas = await Promise.all(
        Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? first.store : second).blobs.put(bytes)),
      );
      assert.deepEqual(new Set(shas), new Set([sha256Hex(bytes)]));
      const rows = await first.store.db.selectFrom("blobs").select(["sha256", "size"]).execute();
      assert.deepEqual(rows, [{ sha256: sha256Hex(bytes), size: bytes.byteLength }]);
      assert.ok(Buffer.from(await second.blobs.get(sha256Hex(bytes))).equals(bytes));
      assert.equal(await second.blobs.has("0".repeat(64)), false);
      await assert.rejects(second.blobs.get("0".repeat(64)), /missing from the blob store/);
    } finally {
      await second.close();
    }
  });
});
