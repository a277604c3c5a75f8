import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { describeEachBackend } from "../../test/helpers/backends.js";
import { EmbeddedQueue } from "./embedded-queue.js";
import { JobsConfigError } from "./errors.js";
import { Scheduler, trackIntervalMinutesFromEnv } from "./scheduler.js";
import { startTestSite, type TestSite, testArchiver, trackPaths, waitFor } from "./test-site.js";

describe("tracking interval from the environment", () => {
  it("defaults to 6 hours and reads CLAUSEWATCH_TRACK_INTERVAL_MINUTES", () => {
    assert.equal(trackIntervalMinutesFromEnv({}), 360);
    assert.equal(trackIntervalMinutesFromEnv({ CLAUSEWATCH_TRACK_INTERVAL_MINUTES: " 15 " }), 15);
    assert.equal(trackIntervalMinutesFromEnv({ CLAUSEWATCH_TRACK_INTERVAL_MINUTES: "0.5" }), 0.5);
  });

  it("rejects an interval that is not a positive number of minutes", () => {
    for (const value of ["0", "-5", "often", "99999999"]) {
      assert.throws(
        () => trackIntervalMinutesFromEnv({ CLAUSEWATCH_TRACK_INTERVAL_MINUTES: value }),
        JobsConfigError,
        value,
      );
    }
  });
});

let site: TestSite;
before(async () => {
  site = await startTestSite();
});
after(() => site.close());

describeEachBackend("scheduler", (get) => {
  it("enqueues the tracked documents that are due, each at most once", async () => {
    const { store, dataDir } = get();
    const [due, recent] = await trackPaths(store, site, ["/due", "/recent"]);
    const imported = await store.documents.ensure((await store.platforms.ensure("Imported")).id, "Imprint");
    // Captured just now: not due again before half an interval has passed.
    assert.equal((await testArchiver(store, dataDir).captureDocument(recent!)).kind, "version");

    const queue = new EmbeddedQueue();
    const scheduler = new Scheduler(store, queue, { intervalMinutes: 60 });
    const first = await scheduler.tick();
    assert.deepEqual(first, { tracked: 2, documentIds: [due!.id], enqueued: 1, alreadyQueued: 0 });
    const second = await scheduler.tick();
    assert.deepEqual(second, { tracked: 2, documentIds: [due!.id], enqueued: 0, alreadyQueued: 1 });
    const all = await scheduler.enqueueAll();
    assert.deepEqual(all, { tracked: 2, documentIds: [due!.id, recent!.id], enqueued: 1, alreadyQueued: 1 });
    assert.equal(await queue.countOpen([imported.id]), 0);
  });

  it("ticks as soon as it starts", async () => {
    const { store } = get();
    const queue = new EmbeddedQueue();
    const ticks: number[] = [];
    const scheduler = new Scheduler(store, queue, {
      intervalMinutes: 60,
      onTick: (summary) => ticks.push(summary.enqueued),
    });
    scheduler.start();
    await waitFor(() => ticks.length > 0, "the first tick");
    await scheduler.stop();
    assert.deepEqual(ticks, [1]);
  });
});
