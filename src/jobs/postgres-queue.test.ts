import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestStore, POSTGRES_URL, type TestStore } from "../../test/helpers/backends.js";
import { openStore, type Store } from "../store/index.js";
import { createCaptureHandler } from "./capture-handler.js";
import { jobsDatabase } from "./postgres-jobs-table.js";
import { openPostgresQueue, type PostgresQueue } from "./postgres-queue.js";
import { startTestSite, type TestSite, testArchiver, trackPaths, waitFor } from "./test-site.js";
import type { JobEvent } from "./work-queue.js";

const jobsOf = (store: Store) => jobsDatabase(store.db);

describe("PostgreSQL work queue", () => {
  let a: TestStore;
  /** A second connection pool on the same schema: another worker, as far as the database can tell. */
  let b: Store;
  let site: TestSite;
  const queues: PostgresQueue[] = [];

  before(async () => {
    a = await createTestStore("postgres");
    b = await openStore({ databaseUrl: POSTGRES_URL, dataDir: a.dataDir, postgresSchema: a.postgresSchema! });
    site = await startTestSite();
  });
  after(async () => {
    for (const q of queues) await q.stop({ abandon: true });
    await site.close();
    await b.close();
    await a.dispose();
  });

  async function queue(store: Store, options: Parameters<typeof openPostgresQueue>[1] = {}) {
    const q = await openPostgresQueue(store, { pollIntervalMs: 25, ...options });
    queues.push(q);
    return q;
  }

  it("keeps at most one unfinished job per document", async () => {
    const [doc] = await trackPaths(a.store, site, ["/single"]);
    const q = await queue(a.store);
    assert.equal(await q.enqueue(doc!.id), true);
    assert.equal(await q.enqueue(doc!.id), false);
    assert.equal(await (await queue(b)).enqueue(doc!.id), false);
    assert.equal(await q.countOpen([doc!.id]), 1);
    await jobsOf(a.store).deleteFrom("capture_jobs").execute();
  });

  it("shares 10 captures between two workers on two pools, each capture done exactly once", async () => {
    const paths = Array.from({ length: 10 }, (_, i) => `/shared-${i}`);
    const docs = await trackPaths(a.store, site, paths);
    const producer = await queue(a.store);
    for (const doc of docs) assert.equal(await producer.enqueue(doc.id), true);
    const handledBy = new Map<number, string[]>();
    const worker = async (store: Store, name: string) => {
      const q = await queue(store, { workerName: name, visibilityTimeoutMs: 60_000 });
      const capture = createCaptureHandler(store, testArchiver(store, a.dataDir));
      q.process(
        async (job) => {
          handledBy.set(job.documentId, [...(handledBy.get(job.documentId) ?? []), name]);
          return capture(job);
        },
        { concurrency: 2 },
      );
      return q;
    };
    const workers = [await worker(a.store, "one"), await worker(b, "two")];
    await waitFor(async () => (await producer.countOpen(docs.map((d) => d.id))) === 0, "all captures");
    for (const w of workers) await w.stop();
    for (const doc of docs) {
      assert.equal(
        (await a.store.snapshots.listByDocument(doc.id)).length,
        1,
        `captures of document ${doc.id}`,
      );
      assert.equal(handledBy.get(doc.id)?.length, 1);
    }
    for (const path of paths) assert.equal(site.hits(path), 1);
    const rows = await jobsOf(a.store)
      .selectFrom("capture_jobs")
      .select(["state", "attempts"])
      .where(
        "document_id",
        "in",
        docs.map((d) => d.id),
      )
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.state, r.attempts]),
      docs.map(() => ["done", 1]),
    );
  });

  it("re-delivers a job whose worker stopped without finishing it, after the visibility timeout", async () => {
    const [doc] = await trackPaths(a.store, site, ["/abandoned"]);
    const dying = await queue(a.store, { workerName: "dying", visibilityTimeoutMs: 600 });
    await dying.enqueue(doc!.id);
    let claimed = false;
    dying.process(() => {
      claimed = true;
      // Never settles: the worker "dies" holding the job.
      return new Promise(() => {});
    });
    await waitFor(() => claimed, "the first worker to claim the job");
    await dying.stop({ abandon: true });

    const events: JobEvent[] = [];
    const survivor = await queue(b, { workerName: "survivor", visibilityTimeoutMs: 600 });
    survivor.process(createCaptureHandler(b, testArchiver(b, a.dataDir)), { onJob: (e) => events.push(e) });
    await waitFor(() => events.length > 0, "the job to be re-delivered");
    await survivor.stop();
    assert.equal(events[0]?.status, "done");
    assert.equal(events[0]?.job.attempt, 2);
    const row = await jobsOf(a.store)
      .selectFrom("capture_jobs")
      .selectAll()
      .where("document_id", "=", doc!.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.state, "done");
    assert.equal(row.worker, "survivor");
    assert.equal(site.hits("/abandoned"), 1);
  });

  it("stops handing out a job that its workers keep dying on", async () => {
    const [doc] = await trackPaths(a.store, site, ["/poison"]);
    const options = { visibilityTimeoutMs: 300, retry: { maxAttempts: 1 } };
    const dying = await queue(a.store, options);
    await dying.enqueue(doc!.id);
    let claimed = false;
    dying.process(() => {
      claimed = true;
      return new Promise(() => {});
    });
    await waitFor(() => claimed, "the first worker to claim the job");
    await dying.stop({ abandon: true });

    const events: JobEvent[] = [];
    let handled = 0;
    const next = await queue(b, options);
    next.process(
      async () => {
        handled++;
        return { status: "done", detail: "ok" };
      },
      { onJob: (e) => events.push(e) },
    );
    await waitFor(() => events.length > 0, "the verdict on the job");
    await next.stop();
    assert.equal(handled, 0);
    assert.equal(events[0]?.status, "failed");
    assert.match(events[0]?.detail ?? "", /its worker stopped without finishing it/);
  });

  it("retries a transient failure with backoff and records a lasting one without retrying", async () => {
    const flaky = await startTestSite({ "/flaky": { failures: 2 }, "/gone": { status: 404 } });
    try {
      const docs = await trackPaths(a.store, flaky, ["/flaky", "/gone"]);
      const q = await queue(a.store, { retry: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 40 } });
      for (const d of docs) await q.enqueue(d.id);
      const events: JobEvent[] = [];
      q.process(createCaptureHandler(a.store, testArchiver(a.store, a.dataDir)), {
        onJob: (e) => events.push(e),
      });
      await waitFor(async () => (await q.countOpen(docs.map((d) => d.id))) === 0, "both jobs to finish");
      await q.stop();
      assert.equal(flaky.hits("/flaky"), 3);
      assert.equal(flaky.hits("/gone"), 1);
      const states = await jobsOf(a.store)
        .selectFrom("capture_jobs")
        .select(["document_id", "state", "attempts"])
        .where(
          "document_id",
          "in",
          docs.map((d) => d.id),
        )
        .orderBy("document_id")
        .execute();
      assert.deepEqual(
        states.map((s) => [s.state, s.attempts]),
        [
          ["done", 3],
          ["failed", 1],
        ],
      );
      assert.equal(events.filter((e) => e.status === "retrying").length, 2);
      assert.equal((await a.store.documents.errors(docs[1]!.id)).length, 1);
    } finally {
      await flaky.close();
    }
  });
});
