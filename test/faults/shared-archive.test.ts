/**
 * One archive for many machines: two `worker` processes in two network namespaces, each with its own data
 * directory, share nothing but PostgreSQL (reached through a relay on the host, as a database server on the
 * network would be). One is killed (SIGKILL) in the middle of a capture and its data directory deleted, as a
 * machine that is lost; the other takes over its job. A third machine with an empty data directory then verifies
 * the whole archive, exports it as WARC and serves a snapshot the lost machine captured.
 */
import assert from "node:assert/strict";
import { createReadStream } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { sql } from "kysely";
import { WARCParser } from "warcio";
import { openPostgresQueue } from "../../src/jobs/postgres-queue.js";
import { waitFor } from "../../src/jobs/test-site.js";
import type { TrackedDocument } from "../../src/model/index.js";
import { openStore, type Store } from "../../src/store/index.js";
import { createPostgresDatabase } from "../helpers/backends.js";
import { type Running, startCliProcess } from "../helpers/cli.js";
import {
  createNetwork,
  type Machine,
  type Network,
  namespacesUnavailable,
  type Relay,
  startRelay,
} from "../helpers/network-namespaces.js";

/** Real policies (Open Terms Archive's own pages), one per tracked document in turn. */
const PAGES = [
  "ota-privacy-2024-03-26.html",
  "ota-imprint-2026-04-22.html",
  "ota-privacy-2026-04-22.html",
].map((name) => readFile(new URL(`../fixtures/pages/${name}`, import.meta.url)));

/** Processes wait on 2 cores shared by many: generous, never asserted as timing. */
const PROCESS_TIMEOUT_MS = 240_000;

const unavailable = await namespacesUnavailable();

describe("one archive shared by workers on separate machines", { skip: unavailable ?? false }, () => {
  let network: Network;
  let relay: Relay;
  let site: Server;
  let siteUrl = "";
  let pages: Buffer[];
  /** Which machine address asked for which path, in order. */
  const requests: { path: string; from: string }[] = [];
  /** Set when machine A asks for /slow: the test kills it while it waits for the answer. */
  let slowAskedByA: () => void = () => {};
  const slowAskedByAPromise = new Promise<void>((resolve) => {
    slowAskedByA = resolve;
  });
  let database: { url: string; drop(): Promise<void> };
  /** The operator's own connection (loopback): declares documents, enqueues captures and checks results. */
  let store: Store;
  const dataDirs: string[] = [];
  const running: Running[] = [];

  /** The CLI on `machine`, with its own data directory, reaching PostgreSQL and the site through the host. */
  const envFor = (dataDir: string) => {
    const url = new URL(database.url);
    url.host = `${network.serviceAddress}:${relay.port}`;
    return {
      CLAUSEWATCH_DATA_DIR: dataDir,
      DATABASE_URL: url.href,
      CLAUSEWATCH_ALLOW_PRIVATE_NETWORK: "1",
      CLAUSEWATCH_TRACK_INTERVAL_MINUTES: "1440",
      CLAUSEWATCH_ARCHIVE_STORE: "",
      CLAUSEWATCH_CRASH_AT: "",
    };
  };
  const startOn = (machine: Machine, dataDir: string, args: string[]) => {
    const process = startCliProcess(args, envFor(dataDir), machine.exec);
    running.push(process);
    return process;
  };

  before(async () => {
    pages = await Promise.all(PAGES);
    network = await createNetwork(3);
    const [a] = network.machines;
    site = createServer((request: IncomingMessage, response: ServerResponse) => {
      const path = request.url ?? "/";
      const from = request.socket.remoteAddress ?? "";
      requests.push({ path, from });
      // Machine A's request for /slow is never answered: A is killed while it waits.
      if (path === "/slow" && from.endsWith(a!.address)) {
        slowAskedByA();
        return;
      }
      const i = Number(path.match(/\d+/)?.[0] ?? 0);
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(pages[i % pages.length]);
    });
    await new Promise<void>((resolve) => site.listen(0, network.serviceAddress, resolve));
    siteUrl = `http://${network.serviceAddress}:${(site.address() as AddressInfo).port}`;
    relay = await startRelay(network.serviceAddress, 5432);
    database = await createPostgresDatabase();
    for (let i = 0; i < 3; i++) dataDirs.push(await mkdtemp(join(tmpdir(), `cw-machine-${"abc"[i]}-`)));
    const operatorDir = await mkdtemp(join(tmpdir(), "cw-operator-"));
    dataDirs.push(operatorDir);
    store = await openStore({ databaseUrl: database.url, dataDir: operatorDir });
  });

  after(async () => {
    for (const p of running) p.child.kill("SIGKILL");
    await Promise.all(running.map((p) => p.exit));
    await store?.close();
    await database?.drop();
    await relay?.close();
    site?.closeAllConnections();
    await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
    await network?.dispose();
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  });

  /** Declares a platform whose privacy policy is fetched from `path` of the site, and enqueues its capture. */
  async function declareAndEnqueue(name: string, path: string): Promise<TrackedDocument> {
    const platform = await store.platforms.ensure(name);
    const document = await store.documents.ensure(platform.id, "Privacy Policy", [
      { fetch: `${siteUrl}${path}` },
    ]);
    const queue = await openPostgresQueue(store);
    assert.equal(await queue.enqueue(document.id), true);
    return document;
  }
  const captured = async (documents: TrackedDocument[]) =>
    (await Promise.all(documents.map((d) => store.versions.latest(d.id)))).every(Boolean);

  it("verifies, exports and serves from a third machine what two workers captured, one of them killed mid-run", async () => {
    const [a, b, c] = network.machines as [Machine, Machine, Machine];
    const [dirA, dirB, dirC] = dataDirs as [string, string, string];

    // Machine A captures two documents.
    const workerA = startOn(a, dirA, ["worker", "--concurrency", "1"]);
    const first = [
      await declareAndEnqueue("Machine one", "/1"),
      await declareAndEnqueue("Machine two", "/2"),
    ];
    await waitFor(
      () => captured(first),
      `machine A to capture two documents: ${workerA.output()}`,
      PROCESS_TIMEOUT_MS,
    );

    // Then it is killed while fetching a third, and its disk is lost.
    const slow = await declareAndEnqueue("Slow", "/slow");
    await Promise.race([
      slowAskedByAPromise,
      workerA.exit.then((e) => assert.fail(`machine A ended early: ${e.output}`)),
    ]);
    workerA.child.kill("SIGKILL");
    assert.equal((await workerA.exit).signal, "SIGKILL");
    const leftOnA = await readdir(dirA);
    assert.ok(
      !leftOnA.includes("blobs") && !leftOnA.includes("warc"),
      `A kept archive bytes on disk: ${leftOnA}`,
    );
    await rm(dirA, { recursive: true, force: true });
    // The killed worker's job is taken again once its lease runs out: made to run out now, not in 5 minutes.
    await sql`update capture_jobs set lease_expires_at = now() - interval '1 second' where state = 'running'`.execute(
      store.db,
    );

    // Machine B takes that job over and captures two more.
    const workerB = startOn(b, dirB, ["worker", "--concurrency", "2"]);
    const second = [
      await declareAndEnqueue("Machine three", "/3"),
      await declareAndEnqueue("Machine four", "/4"),
    ];
    await waitFor(
      () => captured([...second, slow]),
      `machine B to capture the rest: ${workerB.output()}`,
      PROCESS_TIMEOUT_MS,
    );
    workerB.child.kill("SIGTERM");
    const stoppedB = await workerB.exit;
    assert.equal(stoppedB.code, 0, stoppedB.output);
    const leftOnB = await readdir(dirB);
    assert.ok(
      !leftOnB.includes("blobs") && !leftOnB.includes("warc"),
      `B kept archive bytes on disk: ${leftOnB}`,
    );

    const fetchedBy = (path: string) =>
      requests.filter((r) => r.path === path).map((r) => r.from.replace(/^::ffff:/, ""));
    assert.deepEqual(fetchedBy("/1"), [a.address]);
    assert.deepEqual(fetchedBy("/3"), [b.address]);
    assert.deepEqual(fetchedBy("/slow"), [a.address, b.address], "B redid the job A died in");
    const snapshots = (
      await Promise.all([...first, slow, ...second].map((d) => store.snapshots.listByDocument(d.id)))
    ).flat();
    assert.equal(snapshots.length, 5);
    assert.ok(snapshots.every((s) => s.warc?.store === "database"));

    // Machine C, with an empty data directory, verifies everything, blobs and WARC records included.
    const verified = await startOn(c, dirC, ["verify", "--json"]).exit;
    assert.equal(verified.code, 0, verified.output);
    const report = JSON.parse(verified.output.slice(verified.output.indexOf("{"))) as {
      ok: boolean;
      snapshotsChecked: number;
      warcRecordsChecked: number;
    };
    assert.equal(report.ok, true);
    assert.equal(report.snapshotsChecked, 5);
    assert.equal(report.warcRecordsChecked, 5);

    // It exports them as standard WARC files.
    const exportDir = join(dirC, "export");
    const exported = await startOn(c, dirC, ["export-warc", "--out", exportDir]).exit;
    assert.equal(exported.code, 0, exported.output);
    const urls: string[] = [];
    for (const file of await readdir(exportDir)) {
      for await (const record of new WARCParser(createReadStream(join(exportDir, file))))
        if (record.warcType === "response") urls.push(record.warcTargetURI ?? "");
    }
    assert.deepEqual(urls.sort(), snapshots.map((s) => s.url).sort());

    // And serves the snapshot that the lost machine A captured, byte for byte, and its version's page.
    const serving = startOn(c, dirC, ["serve", "--host", c.address, "--port", "0"]);
    await waitFor(
      () => /serving at http:\/\//.test(serving.output()),
      "serve on machine C",
      PROCESS_TIMEOUT_MS,
    );
    const origin = serving.output().match(/serving at (http:\/\/[^/\s]+)/)?.[1];
    const byA = snapshots.find((s) => s.documentId === first[0]!.id)!;
    const archived = await fetch(`${origin}/archive/${byA.sha256}`);
    assert.equal(archived.status, 200);
    assert.ok(Buffer.from(await archived.arrayBuffer()).equals(pages[1]!));
    const version = await store.versions.latest(first[0]!.id);
    const versionPage = await (await fetch(`${origin}/versions/${version!.id}`)).text();
    assert.match(versionPage, new RegExp(byA.sha256));
    assert.match(versionPage, /WARC record \d+ of the archive database/);
    serving.child.kill("SIGTERM");
    await serving.exit;
  });
});
