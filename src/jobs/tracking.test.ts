import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestStore, describeEachBackend } from "../../test/helpers/backends.js";
import { createVersionListener } from "../pipeline/index.js";
import { SingleProcessStoreError } from "./errors.js";
import { startTestSite, type TestSite, testArchiver, trackPaths, waitFor } from "./test-site.js";
import { createTracking, requireSharedStore, type TrackingOptions } from "./tracking.js";

let site: TestSite;
before(async () => {
  // Each backend's suite has its own paths, so hit counts do not mix.
  site = await startTestSite({
    "/sqlite/flaky": { failures: 1, failStatus: 503 },
    "/postgres/flaky": { failures: 1, failStatus: 503 },
    "/sqlite/gone": { status: 404 },
    "/postgres/gone": { status: 404 },
  });
});
after(() => site.close());

/** Fast settings: short backoff and polling, so failing paths stay quick. */
const fast: TrackingOptions = {
  intervalMinutes: 60,
  retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20 },
  postgres: { pollIntervalMs: 25 },
};

describeEachBackend("tracking", (get, backend) => {
  const prefix = `/${backend}`;
  const tracking = () => {
    const { store, dataDir } = get();
    return createTracking(store, testArchiver(store, dataDir, createVersionListener(store)), fast);
  };

  it("captures every tracked document in runOnce, analysed with a change record", async () => {
    const { store } = get();
    const docs = await trackPaths(store, site, [`${prefix}/a`, `${prefix}/b`]);
    const run = await tracking().runOnce();
    assert.deepEqual(run, { tracked: 2, enqueued: 2, alreadyQueued: 0 });
    for (const doc of docs) {
      const version = await store.versions.latest(doc.id);
      assert.ok(version, `document ${doc.id} has a version`);
      assert.match(version.text, /This privacy policy explains how, why and under what conditions/);
      assert.ok(await store.analyses.has(version.id), "the version was analysed");
      const changes = await store.changes.listByDocument(doc.id);
      assert.equal(changes.length, 1, "the first version has its change record");
    }
    assert.equal(site.hits(`${prefix}/a`), 1);
  });

  it("retries a 503 until it succeeds, and records a 404 once without retrying it", async () => {
    const { store } = get();
    const [flaky, gone] = await trackPaths(store, site, [`${prefix}/flaky`, `${prefix}/gone`]);
    const run = await tracking().runOnce();
    assert.deepEqual(run, { tracked: 4, enqueued: 4, alreadyQueued: 0 });

    assert.equal(site.hits(`${prefix}/flaky`), 2);
    assert.ok(await store.versions.latest(flaky!.id), "the retried capture recorded a version");
    assert.deepEqual(
      (await store.documents.errors(flaky!.id)).map((e) => e.code),
      ["HTTP_ERROR"],
      "the 503 is in the error log",
    );
    assert.equal((await store.documents.get(flaky!.id))?.lastError, null, "cleared by the success");

    assert.equal(site.hits(`${prefix}/gone`), 1);
    assert.equal((await store.documents.errors(gone!.id)).length, 1);
    assert.match((await store.documents.get(gone!.id))?.lastError ?? "", /404/);
    assert.equal(await store.versions.latest(gone!.id), undefined);
  });

  it("tracks in the background once started: due documents are captured, recent ones left alone", async () => {
    const { store } = get();
    const [fresh] = await trackPaths(store, site, [`${prefix}/fresh`]);
    const before = site.hits(`${prefix}/a`);
    const background = tracking();
    await background.start();
    try {
      await waitFor(async () => (await store.versions.latest(fresh!.id)) !== undefined, "the capture");
    } finally {
      await background.stop();
    }
    assert.ok(await store.versions.latest(fresh!.id), "the new document was captured");
    assert.equal(site.hits(`${prefix}/a`), before, "a document captured moments ago is not due");
  });

  if (backend === "postgres") {
    it("helps with runOnce when started without processing (captures left to workers)", async () => {
      const { store, dataDir } = get();
      const [extra] = await trackPaths(store, site, [`${prefix}/extra`]);
      const serving = createTracking(store, testArchiver(store, dataDir), {
        ...fast,
        process: false,
        schedule: false,
      });
      await serving.start();
      try {
        const run = await serving.runOnce();
        assert.equal(run.enqueued, run.tracked);
        assert.ok(await store.versions.latest(extra!.id));
        assert.equal(serving.queue?.processing, false, "the serving queue still leaves captures to workers");
      } finally {
        await serving.stop();
      }
    });
  }
});

describe("worker processes", () => {
  it("are refused on the embedded SQLite database", async () => {
    const sqlite = await createTestStore("sqlite");
    try {
      assert.throws(() => requireSharedStore(sqlite.store), SingleProcessStoreError);
    } finally {
      await sqlite.dispose();
    }
  });
});
