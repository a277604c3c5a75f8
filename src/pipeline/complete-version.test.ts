import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { describeEachBackend } from "../../test/helpers/backends.js";
import { Archiver } from "../archive/archiver.js";
import { dateFromFileName } from "../archive/ota/dataset-layout.js";
import { WarcWriter } from "../archive/warc/warc-writer.js";
import { waitFor } from "../jobs/test-site.js";
import { DEFAULT_WATCH_FILTER } from "../notify/match-watch.js";
import type { Store } from "../store/index.js";
import { completePending, completeVersion } from "./complete-version.js";
import { startCompletionLoop } from "./completion-loop.js";

/** Three real consecutive versions (Open Terms Archive contributors, ODC-By 1.0; see src/changes/fixtures). */
const DIR = new URL("../changes/fixtures/Proton Mail/Privacy Policy/", import.meta.url);
const FILES = ["2025-09-23T06-17-26Z.md", "2026-02-04T12-46-26Z.md", "2026-02-05T12-44-55Z.md"];

/**
 * Imports one real version with no listener: what a process killed right after the version's commit leaves
 * (the version and its mark, nothing else).
 */
async function importUncompleted(
  store: Store,
  dataDir: string,
  file: string,
  recordedAt = dateFromFileName(file) ?? "",
) {
  const archiver = new Archiver(store, { warc: new WarcWriter(join(dataDir, "warc")) });
  const outcome = await archiver.importVersion({
    platform: "Proton Mail",
    termsType: "Privacy Policy",
    recordedAt,
    bytes: readFileSync(new URL(file, DIR)),
    source: `fixture:${file}`,
  });
  assert.equal(outcome.kind, "version");
  if (outcome.kind !== "version") throw new Error("unreachable");
  return outcome.version;
}

describeEachBackend("pending analyses", (get) => {
  it("marks a version with its commit, and a pass completes it: analysis, change record, alert", async () => {
    const { store, dataDir } = get();
    await store.watchlists.create({
      name: "all",
      channel: "atom",
      target: null,
      cadence: "immediate",
      filter: { ...DEFAULT_WATCH_FILTER, kinds: ["substantive", "minor", "technical"] },
      secret: "pending-analyses-test",
      createdAt: "2000-01-01T00:00:00.000Z",
      ownerKeyId: null,
    });
    const first = await importUncompleted(store, dataDir, FILES[0]!);
    const second = await importUncompleted(store, dataDir, FILES[1]!);
    assert.deepEqual(
      (await store.pendingAnalyses.list()).map((m) => m.versionId),
      [first.id, second.id],
    );
    assert.equal(await store.analyses.has(second.id), false);

    assert.deepEqual(await completePending(store), { completed: 2, failed: 0 });
    assert.equal(await store.pendingAnalyses.count(), 0);
    for (const v of [first, second]) assert.ok(await store.analyses.has(v.id));
    const records = await store.changes.listByDocument(first.documentId);
    assert.deepEqual(
      records.map((r) => [r.fromVersionId, r.toVersionId]).sort(),
      [
        [null, first.id],
        [first.id, second.id],
      ].sort(),
    );
    const [watchlist] = await store.watchlists.list();
    const alerts = await store.alerts.listByWatchlist(watchlist!.id, 10);
    assert.deepEqual(
      alerts.map((a) => a.changeRecordId),
      records.filter((r) => r.fromVersionId !== null).map((r) => r.id),
      "one alert for the change, none for the first version",
    );

    assert.deepEqual(await completePending(store), { completed: 0, failed: 0 }, "nothing left to do");
  });

  it("stores a version completed by two processes at once once", async () => {
    const { store, dataDir } = get();
    const version = await importUncompleted(store, dataDir, FILES[2]!);
    const results = await Promise.all([completeVersion(store, version), completeVersion(store, version)]);
    assert.deepEqual([...results].sort(), [false, true], "one of the two took the mark");
    assert.equal((await store.changes.listByDocument(version.documentId)).length, 3);
    assert.equal(await store.pendingAnalyses.count(), 0);
  });

  it("completes marks at startup and, once started, those older than the grace period", async () => {
    const { store, dataDir } = get();
    const version = await importUncompleted(store, dataDir, FILES[0]!, "2024-01-01T00:00:00Z");
    const loop = startCompletionLoop(store, { intervalMs: 20, graceMs: 0 });
    try {
      await waitFor(async () => (await store.pendingAnalyses.count()) === 0, "the startup pass");
      assert.ok(await store.analyses.has(version.id));
      const later = await importUncompleted(store, dataDir, FILES[1]!, "2027-01-01T00:00:00Z");
      await waitFor(async () => (await store.pendingAnalyses.count()) === 0, "a periodic pass");
      assert.ok(await store.analyses.has(later.id));
    } finally {
      await loop.stop();
    }
  });
});
