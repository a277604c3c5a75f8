import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { Archiver } from "../../src/archive/archiver.js";
import { exportOtaDataset, importOtaDataset, scanOtaDataset } from "../../src/archive/ota/index.js";
import { verifyArchive } from "../../src/archive/verify/index.js";
import { WarcWriter } from "../../src/archive/warc/warc-writer.js";
import { sha256Hex } from "../../src/util/hash.js";
import { tamperBlob } from "../helpers/archive-bytes.js";
import { describeEachBackend } from "../helpers/backends.js";

const DATASET = fileURLToPath(new URL("../fixtures/ota-mini", import.meta.url));

describeEachBackend("OTA dataset import, export and verification", (get) => {
  const archiver = () => new Archiver(get().store, { warc: new WarcWriter(join(get().dataDir, "warc")) });

  it("imports every file with its dataset date and commit kind", async () => {
    const { entries } = await scanOtaDataset(DATASET);
    assert.equal(entries.length, 11);
    const summary = await importOtaDataset(archiver(), DATASET);
    assert.equal(summary.files, 11);
    assert.equal(summary.versions + summary.verifications, 11);
    const { store } = get();
    const stats = await store.stats();
    assert.equal(stats.platforms, 2);
    assert.equal(stats.documents, 3);
    assert.equal(stats.snapshots, 11);
    assert.equal(stats.versions, summary.versions);
    assert.equal(stats.chainEntries, 11 + summary.versions + summary.verifications);
    const signal = await store.platforms.find("Signal");
    assert.ok(signal);
    const pp = await store.documents.find(signal.id, "Privacy Policy");
    assert.ok(pp);
    const versions = await store.versions.listByDocument(pp.id);
    assert.deepEqual(
      versions.map((v) => v.recordedAt),
      ["2020-12-09T09:45:07Z", "2022-09-20T15:22:41Z", "2025-09-23T06:20:01Z"],
    );
    assert.deepEqual(
      versions.map((v) => v.commitKind),
      ["Start tracking", "Refilter", "Apply technical or declaration upgrade"],
    );
    // The stored text is the file, byte for byte.
    const original = await readFile(join(DATASET, "Signal/Privacy Policy/2022-09-20T15-22-41Z.md"));
    assert.equal(versions[1]?.sha256, sha256Hex(original));
  });

  it("adds nothing when the same dataset is imported again", async () => {
    const before = await get().store.stats();
    const summary = await importOtaDataset(archiver(), DATASET);
    assert.equal(summary.versions, 0);
    assert.equal(summary.verifications, 0);
    assert.equal(summary.skipped, 11);
    assert.deepEqual(await get().store.stats(), before);
  });

  it("exports the same layout, byte for byte", async () => {
    const out = join(get().dataDir, "export");
    const written = await exportOtaDataset(get().store, out);
    const { store } = get();
    assert.equal(written, (await store.stats()).versions);
    for (const file of await readdir(join(out, "Signal", "Terms of Service"))) {
      const ours = await readFile(join(out, "Signal", "Terms of Service", file));
      const theirs = await readFile(join(DATASET, "Signal", "Terms of Service", file));
      assert.ok(ours.equals(theirs), `${file} differs after the round trip`);
    }
  });

  it("verifies the chain, then names the snapshot whose stored bytes were altered", async () => {
    const { store } = get();
    const ok = await verifyArchive(store, { warcDir: join(get().dataDir, "warc") });
    assert.equal(ok.ok, true, JSON.stringify(ok.problems));
    assert.equal(ok.entries, (await store.stats()).chainEntries);

    const snapshot = await store.snapshots.get(3);
    assert.ok(snapshot);
    const restore = await tamperBlob(store, snapshot.sha256, (bytes) => {
      bytes[10] = bytes[10]! ^ 0x01;
      return bytes;
    });
    try {
      const broken = await verifyArchive(store, { warcDir: join(get().dataDir, "warc") });
      assert.equal(broken.ok, false);
      assert.equal(broken.firstProblem?.kind, "snapshot");
      assert.equal(broken.firstProblem?.recordId, 3);
      assert.match(broken.firstProblem?.problem ?? "", /snapshot 3: bytes .* were altered/);
    } finally {
      await restore();
    }
    assert.equal((await verifyArchive(store, { warcDir: join(get().dataDir, "warc") })).ok, true);
  });

  it("names the version whose text was altered in the database", async () => {
    const { store } = get();
    const version = await store.versions.get(2);
    assert.ok(version);
    await store.db
      .updateTable("versions")
      .set({ text: `${version.text} ` })
      .where("id", "=", 2)
      .execute();
    try {
      const broken = await verifyArchive(store, { warcDir: join(get().dataDir, "warc") });
      assert.equal(broken.ok, false);
      assert.equal(broken.firstProblem?.kind, "version");
      assert.equal(broken.firstProblem?.recordId, 2);
      assert.match(broken.firstProblem?.problem ?? "", /version 2: stored text was altered/);
    } finally {
      await store.db.updateTable("versions").set({ text: version.text }).where("id", "=", 2).execute();
    }
  });

  it("detects a chain entry that was rewritten or a record metadata change", async () => {
    const { store } = get();
    const snapshot = await store.snapshots.get(1);
    assert.ok(snapshot);
    await store.db
      .updateTable("snapshots")
      .set({ url: "https://example.org/forged" })
      .where("id", "=", 1)
      .execute();
    try {
      const broken = await verifyArchive(store, { warcDir: join(get().dataDir, "warc") });
      assert.equal(broken.firstProblem?.recordId, 1);
      assert.match(broken.firstProblem?.problem ?? "", /snapshot 1: stored metadata was altered/);
    } finally {
      await store.db.updateTable("snapshots").set({ url: snapshot.url }).where("id", "=", 1).execute();
    }
    const entry = await store.chain.findFor("version", 1);
    assert.ok(entry);
    await store.db
      .updateTable("chain_entries")
      .set({ created_at: "2000-01-01T00:00:00Z" })
      .where("seq", "=", entry.seq)
      .execute();
    try {
      const broken = await verifyArchive(store, { warcDir: join(get().dataDir, "warc") });
      assert.equal(broken.firstProblem?.seq, entry.seq);
      assert.match(broken.firstProblem?.problem ?? "", /entry hash does not match/);
    } finally {
      await store.db
        .updateTable("chain_entries")
        .set({ created_at: entry.createdAt })
        .where("seq", "=", entry.seq)
        .execute();
    }
  });
});
