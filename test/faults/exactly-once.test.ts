/**
 * Fault injection, end to end: real CLI processes capture real pages from a loopback site and are killed
 * (CLAUSEWATCH_CRASH_AT, SIGKILL) at every step of a capture and during alert delivery; `serve` (SQLite) or
 * `worker` (PostgreSQL) then recovers on its own, and a re-run of `track` finds nothing missing or doubled:
 * one version per distinct text, one change record per version, one alert per watchlist and record.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { startServer, type TestServer } from "../../src/archive/fetch/test-server.js";
import { waitFor } from "../../src/jobs/test-site.js";
import type { Watchlist } from "../../src/model/index.js";
import { createWatchlist } from "../../src/notify/create-watchlist.js";
import { openStore, type Store } from "../../src/store/index.js";
import { CRASH_STEPS } from "../../src/util/crash-point.js";
import { type BackendName, createPostgresDatabase } from "../helpers/backends.js";
import { type Exit, startCliProcess } from "../helpers/cli.js";

/** Two real versions of Signal's privacy policy (Open Terms Archive), served as Markdown. */
const TEXTS = ["2020-12-09T09-45-07Z.md", "2022-09-20T15-22-41Z.md"].map((name) =>
  readFile(new URL(`../fixtures/ota-mini/Signal/Privacy Policy/${name}`, import.meta.url)),
);

/** Every step of a capture: each tracked document is killed at one of them. */
const CAPTURE_STEPS = CRASH_STEPS.filter((s) => s !== "alert-sent");

/** Processes wait on 2 cores shared by many: generous, never asserted as timing. */
const PROCESS_TIMEOUT_MS = 240_000;

/** Runs `clausewatch <args>` to its end. */
function run(args: string[], env: Record<string, string>): Promise<Exit> {
  return startCliProcess(args, env).exit;
}

for (const backend of ["sqlite", "postgres"] as BackendName[]) {
  describe(`exactly once across crashes [${backend}]`, () => {
    let site: TestServer;
    let receiver: TestServer;
    /** Every document's first text, then its second. */
    let texts: Buffer[];
    let served: Buffer;
    const deliveries: number[] = [];
    let dataDir: string;
    let store: Store;
    let env: Record<string, string>;
    let dropDatabase = async () => {};

    before(async () => {
      texts = await Promise.all(TEXTS);
      served = texts[0]!;
      site = await startServer((_request, response) => {
        response.writeHead(200, { "content-type": "text/markdown; charset=utf-8" }).end(served);
      });
      receiver = await startServer((request, response) => {
        const ids = String(request.headers["x-clausewatch-deliveries"] ?? "");
        deliveries.push(...ids.split(",").filter(Boolean).map(Number));
        request.resume();
        response.writeHead(204).end();
      });
      dataDir = await mkdtemp(join(tmpdir(), "clausewatch-faults-"));
      let databaseUrl = `sqlite:${join(dataDir, "clausewatch.db")}`;
      if (backend === "postgres") {
        const database = await createPostgresDatabase();
        databaseUrl = database.url;
        dropDatabase = database.drop;
      }
      store = await openStore({ databaseUrl, dataDir });
      env = {
        CLAUSEWATCH_DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        CLAUSEWATCH_ALLOW_PRIVATE_NETWORK: "1",
        CLAUSEWATCH_ALERT_INTERVAL_SECONDS: "1",
        CLAUSEWATCH_TRACK_INTERVAL_MINUTES: "1440",
        CLAUSEWATCH_CRASH_AT: "",
      };
      const declarations = join(dataDir, "declarations");
      await mkdir(declarations);
      for (const step of CAPTURE_STEPS) {
        await writeFile(
          join(declarations, `${step}.json`),
          JSON.stringify({
            name: `Site ${step}`,
            terms: { "Privacy Policy": { fetch: site.url(`/${step}`) } },
          }),
        );
      }
    });

    after(async () => {
      await store?.close();
      await dropDatabase();
      await rm(dataDir, { recursive: true, force: true });
      await site?.close();
      await receiver?.close();
    });

    /** `serve` on SQLite (single process), a `worker` on PostgreSQL: the processes that recover on their own. */
    const recoverer = (extra: Record<string, string>) =>
      startCliProcess(backend === "sqlite" ? ["serve", "--port", "0"] : ["worker"], { ...env, ...extra });
    /** What the recovering process prints once it is running (and handles SIGTERM). */
    const ready = backend === "sqlite" ? /ClauseWatch is serving at/ : /worker processing captures/;

    it("loses and doubles nothing when killed at every step of a capture and of delivery", async () => {
      const track = ["track", "--declarations", join(dataDir, "declarations")];
      const first = await run(track, env);
      assert.equal(first.code, 0, first.output);
      const watchlist: Watchlist = await createWatchlist(
        store,
        {
          name: "Every change",
          channel: "webhook",
          target: receiver.url("/hook"),
          cadence: "immediate",
          filter: {
            platforms: [],
            termsTypes: [],
            clauseTypes: [],
            kinds: ["substantive", "minor", "technical"],
            minSeverity: "low",
          },
        },
        { allowPrivateNetwork: true },
      );

      served = texts[1]!;
      for (const step of CAPTURE_STEPS) {
        const killed = await run(
          ["capture", site.url(`/${step}`), "--platform", `Site ${step}`, "--type", "Privacy Policy"],
          { ...env, CLAUSEWATCH_CRASH_AT: step },
        );
        assert.equal(killed.signal, "SIGKILL", `the capture reached ${step}: ${killed.output}`);
      }

      // The recovering process completes what the crashes left and sends the alerts: killed while sending one.
      const sending = await recoverer({ CLAUSEWATCH_CRASH_AT: "alert-sent" }).exit;
      assert.equal(sending.signal, "SIGKILL", `delivery reached alert-sent: ${sending.output}`);
      assert.equal(deliveries.length, 1, "the killed process sent one alert");

      const recovering = recoverer({});
      try {
        await waitFor(
          () => ready.test(recovering.output()),
          "the recovering process to start",
          PROCESS_TIMEOUT_MS,
        );
        await waitFor(
          async () => (await store.pendingAnalyses.count()) === 0 && (await dueAlerts(store)) === 0,
          "every pending analysis completed and every due alert sent",
          PROCESS_TIMEOUT_MS,
        );
      } finally {
        recovering.child.kill("SIGTERM");
      }
      const stopped = await recovering.exit;
      assert.equal(stopped.code, 0, `${stopped.signal ?? ""} ${stopped.output}`);

      // Re-run: the text of the capture killed before its version was stored is recorded now, the rest verified.
      const rerun = await run(track, env);
      assert.equal(rerun.code, 0, rerun.output);
      assert.match(rerun.output, /Site snapshot-stored \/ Privacy Policy: new version/);
      assert.equal(
        (rerun.output.match(/unchanged: verified version/g) ?? []).length,
        CAPTURE_STEPS.length - 1,
      );

      const secondRecords: number[] = [];
      for (const step of CAPTURE_STEPS) {
        const platform = await store.platforms.ensure(`Site ${step}`);
        const document = await store.documents.ensure(platform.id, "Privacy Policy");
        const versions = await store.versions.listByDocument(document.id);
        assert.equal(versions.length, 2, `${step}: one version per distinct text`);
        assert.notEqual(versions[0]!.sha256, versions[1]!.sha256, `${step}: the two texts differ`);
        const records = await store.changes.listByDocument(document.id);
        assert.deepEqual(
          records.map((r) => [r.fromVersionId, r.toVersionId]).sort(),
          [
            [null, versions[0]!.id],
            [versions[0]!.id, versions[1]!.id],
          ].sort(),
          `${step}: one change record per version, from its predecessor`,
        );
        for (const v of versions)
          assert.ok(await store.analyses.has(v.id), `${step}: version ${v.id} analysed`);
        secondRecords.push(records.find((r) => r.toVersionId === versions[1]!.id)!.id);
      }
      assert.equal(await store.pendingAnalyses.count(), 0, "no analysis left pending");

      const alerts = await store.alerts.listByWatchlist(watchlist.id, 100);
      assert.deepEqual(
        alerts.map((a) => a.changeRecordId).sort(),
        [...secondRecords].sort(),
        "one alert per watchlist and change record",
      );
      assert.equal(new Set(deliveries).size, deliveries.length, "no alert sent twice so far");
      const [crashed] = deliveries;
      for (const alert of alerts) {
        if (alert.id === crashed) {
          // Sent, but the sender died before recording it: still pending, so it is sent again after its lease.
          assert.equal(alert.status, "pending", "the alert sent by the killed process is not lost");
        } else if (alert.status === "delivered") {
          assert.ok(deliveries.includes(alert.id), `alert ${alert.id} delivered to the webhook`);
        } else {
          assert.equal(alert.changeRecordId, secondRecords[0], "only the re-run's alert waits for a worker");
        }
      }
    });
  });
}

/** Pending alerts that are due and leased by no one: what a running delivery loop still has to send. */
async function dueAlerts(store: Store): Promise<number> {
  const now = new Date().toISOString();
  const rows = await store.db
    .selectFrom("alerts")
    .select("id")
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
    .execute();
  return rows.length;
}
