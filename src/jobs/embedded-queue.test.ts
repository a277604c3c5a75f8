import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { EmbeddedQueue } from "./embedded-queue.js";
import { waitFor } from "./test-site.js";
import type { JobEvent, JobResult } from "./work-queue.js";

/** A promise the test resolves when it chooses. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const fast = { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 } };

describe("embedded queue", () => {
  let queue: EmbeddedQueue | undefined;
  afterEach(async () => {
    await queue?.stop({ abandon: true });
    queue = undefined;
  });

  it("keeps at most one unfinished job per document", async () => {
    queue = new EmbeddedQueue(fast);
    assert.equal(await queue.enqueue(1), true);
    assert.equal(await queue.enqueue(1), false);
    assert.equal(await queue.enqueue(2), true);
    assert.equal(await queue.countOpen(), 2);
    assert.equal(await queue.countOpen([2, 3]), 1);
  });

  it("runs no more jobs at once than its concurrency, and all of them", async () => {
    queue = new EmbeddedQueue(fast);
    const release = gate();
    let inFlight = 0;
    let peak = 0;
    const done: number[] = [];
    for (let id = 1; id <= 6; id++) await queue.enqueue(id);
    queue.process(
      async (job) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await release.promise;
        inFlight--;
        done.push(job.documentId);
        return { status: "done", detail: "ok" };
      },
      { concurrency: 2 },
    );
    await waitFor(() => inFlight === 2, "two running jobs");
    release.open();
    await waitFor(async () => (await queue!.countOpen()) === 0, "every job to finish");
    assert.equal(peak, 2);
    assert.deepEqual(
      done.sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6],
    );
  });

  it("retries transient failures with backoff, records lasting ones once, and gives up in the end", async () => {
    queue = new EmbeddedQueue(fast);
    const events: JobEvent[] = [];
    const attempts = new Map<number, number>();
    const verdicts: Record<number, (attempt: number) => JobResult> = {
      1: (attempt) => (attempt < 2 ? { status: "retry", detail: "503" } : { status: "done", detail: "ok" }),
      2: () => ({ status: "failed", detail: "404" }),
      3: () => ({ status: "retry", detail: "503" }),
      4: () => {
        throw new Error("database unreachable");
      },
    };
    for (const id of [1, 2, 3, 4]) await queue.enqueue(id);
    queue.process(
      async (job) => {
        attempts.set(job.documentId, job.attempt);
        return verdicts[job.documentId]!(job.attempt);
      },
      { onJob: (event) => events.push(event) },
    );
    await waitFor(async () => (await queue!.countOpen()) === 0, "every job to finish");
    assert.deepEqual(Object.fromEntries(attempts), { 1: 2, 2: 1, 3: 3, 4: 3 });
    const last = (id: number) => events.filter((e) => e.job.documentId === id).at(-1);
    assert.equal(last(1)?.status, "done");
    assert.equal(last(2)?.status, "failed");
    assert.equal(last(3)?.status, "failed");
    assert.match(last(3)?.detail ?? "", /gave up after 3 attempts: 503/);
    assert.match(last(4)?.detail ?? "", /unexpected error: database unreachable/);
    const retrying = events.filter((e) => e.status === "retrying");
    assert.equal(retrying.length, 1 + 2 + 2);
    for (const e of retrying) assert.ok((e.retryInMs ?? -1) >= 0);
  });

  it("lets the running job finish on stop, and takes no new one", async () => {
    queue = new EmbeddedQueue(fast);
    const release = gate();
    const started: number[] = [];
    let finished = 0;
    await queue.enqueue(1);
    await queue.enqueue(2);
    queue.process(
      async (job) => {
        started.push(job.documentId);
        await release.promise;
        finished++;
        return { status: "done", detail: "ok" };
      },
      { concurrency: 1 },
    );
    await waitFor(() => started.length === 1, "the first job to start");
    const stopping = queue.stop();
    release.open();
    await stopping;
    assert.equal(finished, 1);
    assert.deepEqual(started, [1]);
    assert.equal(await queue.countOpen(), 1);
  });
});
