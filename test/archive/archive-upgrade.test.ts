/**
 * A PostgreSQL archive that kept its bytes in files (before migration 014) and is opened by this version, which
 * keeps them in the database: its older blobs and WARC records stay readable where they are, new ones go to the
 * database, and `verify` passes; a blob missing from both places is still reported missing. Also checks the
 * column storage that migration 016 sets.
 */
import assert from "node:assert/strict";
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { Archiver } from "../../src/archive/archiver.js";
import { startServer, type TestServer } from "../../src/archive/fetch/test-server.js";
import { verifyArchive } from "../../src/archive/verify/index.js";
import { warcSinkFor } from "../../src/archive/warc/warc-writer.js";
import { openStore, type Store } from "../../src/store/index.js";
import { sha256Hex } from "../../src/util/hash.js";
import { createTestStore, POSTGRES_URL, type TestStore } from "../helpers/backends.js";

const fixture = (name: string) =>
  readFile(fileURLToPath(new URL(`../fixtures/pages/${name}`, import.meta.url)));

describe("a PostgreSQL archive upgraded from files to the database", () => {
  let test: TestStore;
  let site: TestServer;
  let body: Buffer;
  let older: Buffer;
  let newer: Buffer;

  /** Captures the document once with whatever the site serves now. */
  async function capture(store: Store): Promise<void> {
    const archiver = new Archiver(store, {
      warc: warcSinkFor(store, test.dataDir),
      fetch: { allowPrivateNetwork: true, retries: 0 },
    });
    const platform = await store.platforms.ensure("Upgraded");
    const document = await store.documents.ensure(platform.id, "Privacy Policy", [{ fetch: site.url("/") }]);
    const outcome = await archiver.captureDocument(document);
    assert.equal(outcome.kind, "version", JSON.stringify(outcome));
  }

  before(async () => {
    older = await fixture("ota-privacy-2024-03-26.html");
    newer = await fixture("ota-imprint-2026-04-22.html");
    body = older;
    site = await startServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
    });
    test = await createTestStore("postgres");
    // The archive as an earlier version wrote it: bytes and WARC records under the data directory.
    const legacy = await openStore({
      databaseUrl: POSTGRES_URL,
      dataDir: test.dataDir,
      postgresSchema: test.postgresSchema!,
      archiveStorage: "files",
    });
    try {
      await capture(legacy);
    } finally {
      await legacy.close();
    }
  });
  after(async () => {
    await test.dispose();
    await site.close();
  });

  it("reads the older blobs from the data directory and writes new ones to the database", async () => {
    const { store, dataDir } = test;
    assert.deepEqual(await readdir(dataDir).then((names) => names.sort()), ["blobs", "warc"]);
    assert.equal(await store.blobs.has(sha256Hex(older)), true);
    assert.ok(Buffer.from(await store.blobs.get(sha256Hex(older))).equals(older));
    // Pages stream archived copies: the older blob streams from its file too.
    const opened = await store.blobs.open(sha256Hex(older));
    assert.equal(opened.size, older.byteLength);
    assert.ok(Buffer.from(await new Response(opened.stream).arrayBuffer()).equals(older));

    body = newer;
    await capture(store);
    const rows = await store.db.selectFrom("blobs").select("sha256").execute();
    assert.deepEqual(rows, [{ sha256: sha256Hex(newer) }]);
    assert.ok(Buffer.from(await store.blobs.get(sha256Hex(newer))).equals(newer));
    const streamed = await store.blobs.open(sha256Hex(newer));
    assert.ok(Buffer.from(await new Response(streamed.stream).arrayBuffer()).equals(newer));
  });

  it("verifies the mixed archive, WARC files and records in the database alike", async () => {
    const report = await verifyArchive(test.store, { warcDir: join(test.dataDir, "warc") });
    assert.deepEqual(report.problems, []);
    assert.equal(report.ok, true);
  });

  it("still reports a blob that neither place holds", async () => {
    const { store, dataDir } = test;
    await rm(join(dataDir, "blobs"), { recursive: true });
    assert.equal(await store.blobs.has(sha256Hex(older)), false);
    await assert.rejects(store.blobs.get(sha256Hex(older)), /missing from the blob store/);
    await assert.rejects(store.blobs.open(sha256Hex(older)), /missing from the blob store/);
    const report = await verifyArchive(store, { warcDir: join(dataDir, "warc") });
    assert.equal(report.ok, false);
  });

  it("compresses blobs and version text with lz4 when the server has it; WARC records are not compressed again", async () => {
    const { store } = test;
    const columns = await sql<{ column: string; compression: string; storage: string }>`
      select attname as column, attcompression as compression, attstorage as storage
      from pg_attribute
      where (attrelid = 'blobs'::regclass and attname = 'bytes')
         or (attrelid = 'versions'::regclass and attname = 'text')
         or (attrelid = 'warc_records'::regclass and attname = 'gzip')
      order by attname`.execute(store.db);
    const lz4 = await sql<{ lz4: boolean }>`
      select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`.execute(
      store.db,
    );
    const expected = lz4.rows[0]?.lz4 ? "l" : "";
    assert.deepEqual(columns.rows, [
      { column: "bytes", compression: expected, storage: "x" },
      { column: "gzip", compression: "", storage: "e" },
      { column: "text", compression: expected, storage: "x" },
    ]);
  });
});
