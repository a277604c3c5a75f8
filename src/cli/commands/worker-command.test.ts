import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Command } from "commander";
import { createTestStore, type TestStore } from "../../../test/helpers/backends.js";
import { openPostgresQueue } from "../../jobs/postgres-queue.js";
import { startTestSite, type TestSite, testArchiver, trackPaths, waitFor } from "../../jobs/test-site.js";
import { CliError } from "../context.js";
import { formatJobEvent, registerWorkerCommand, runWorker } from "./worker-command.js";

/** A stop the test triggers itself. */
function control() {
  let stop = () => {};
  const promise = new Promise<void>((resolve) => {
    stop = resolve;
  });
  return { control: { stop: promise, abandon: new Promise<void>(() => {}) }, stop };
}

describe("clausewatch worker", () => {
  let site: TestSite;
  let pg: TestStore;
  before(async () => {
    site = await startTestSite();
    pg = await createTestStore("postgres");
  });
  after(async () => {
    await pg.dispose();
    await site.close();
  });

  it("processes queued captures, logging one line per job, until told to stop", async () => {
    const [doc] = await trackPaths(pg.store, site, ["/worker"]);
    const producer = await openPostgresQueue(pg.store);
    await producer.enqueue(doc!.id);
    const lines: string[] = [];
    const { control: ctl, stop } = control();
    const running = runWorker(
      { store: pg.store, archiver: testArchiver(pg.store, pg.dataDir) },
      { concurrency: 2, control: ctl, log: (line) => lines.push(line) },
    );
    await waitFor(() => lines.some((l) => / job \d+ /.test(l)), "a job line");
    stop();
    assert.equal(await running, "stopped");
    const jobLines = lines.filter((l) => / job \d+ /.test(l));
    assert.equal(jobLines.length, 1);
    assert.match(
      jobLines[0]!,
      new RegExp(`document ${doc!.id} attempt 1: done in .* Site /worker / Privacy Policy: new version`),
    );
    assert.ok(await pg.store.versions.latest(doc!.id));
  });

  it("refuses the embedded SQLite database with a clear message", async () => {
    const sqlite = await createTestStore("sqlite");
    try {
      await assert.rejects(
        runWorker(
          { store: sqlite.store, archiver: testArchiver(sqlite.store, sqlite.dataDir) },
          { concurrency: 1, control: control().control },
        ),
        (error: unknown) => error instanceof CliError && /PostgreSQL.*single-process/.test(error.message),
      );
    } finally {
      await sqlite.dispose();
    }
  });

  it("rejects a bad --concurrency before touching the database", async () => {
    const program = new Command().exitOverride();
    registerWorkerCommand(program);
    await assert.rejects(program.parseAsync(["worker", "--concurrency", "0"], { from: "user" }), CliError);
  });

  it("formats retries with their delay", () => {
    const line = formatJobEvent(
      {
        job: { id: 7, documentId: 3, attempt: 2 },
        status: "retrying",
        detail: "X / Privacy Policy: HTTP_ERROR: 503",
        durationMs: 1234,
        retryInMs: 60_000,
      },
      new Date("2026-01-02T03:04:05Z"),
    );
    assert.equal(
      line,
      "2026-01-02T03:04:05.000Z job 7 document 3 attempt 2: failed in 1.2 s, retrying in 60.0 s — X / Privacy Policy: HTTP_ERROR: 503",
    );
  });
});
