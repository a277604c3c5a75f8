/**
 * Tampering with an archive as someone with write access to its database and files would, on both backends: each
 * alteration is caught by `verify`, which names the record, while legitimate re-analysis keeps it verifiable.
 * Database tampering runs in a transaction that is rolled back after verifying through it, so each test starts
 * from the same intact archive.
 */
import assert from "node:assert/strict";
import { readdir, readFile, truncate, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { Transaction } from "kysely";
import { Archiver } from "../../src/archive/archiver.js";
import type { Checkpoint } from "../../src/archive/chain/checkpoint.js";
import { loadLeaves, signHead } from "../../src/archive/chain/log.js";
import { loadOrCreateSigningKey, type SigningKey } from "../../src/archive/chain/signing-key.js";
import { type VerifyReport, verifyArchive } from "../../src/archive/verify/index.js";
import { WarcWriter } from "../../src/archive/warc/warc-writer.js";
import { createVersionListener } from "../../src/pipeline/index.js";
import { reviewProvision } from "../../src/review/review-provision.js";
import { Store } from "../../src/store/index.js";
import type { Database } from "../../src/store/schema.js";
import { describeEachBackend } from "../helpers/backends.js";

const page = (name: string) => readFile(fileURLToPath(new URL(`../fixtures/pages/${name}`, import.meta.url)));

let server: Server;
let base = "";
let body = Buffer.alloc(0);

before(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

class RolledBack extends Error {}

const problemsOf = (report: VerifyReport) => report.problems.map((p) => p.problem);

describeEachBackend("verify catches tampering, naming the record", (get) => {
  let key: SigningKey;
  /** Signed heads after the second and the third version. */
  let beforeNewest: Checkpoint;
  let latest: Checkpoint;
  const versionIds: number[] = [];
  const warcDir = () => join(get().dataDir, "warc");
  const verify = (store: Store, checkpoint?: Checkpoint) =>
    verifyArchive(store, { warcDir: warcDir(), ...(checkpoint ? { checkpoint: { checkpoint, key } } : {}) });
  const head = async () => signHead(await loadLeaves(get().store), key, new Date());

  /** Tampers in a transaction, verifies through it, then rolls it back. */
  async function whileTampered(
    tamper: (db: Transaction<Database>) => Promise<void>,
    check: (report: VerifyReport) => void,
    checkpoint?: Checkpoint,
  ): Promise<void> {
    const { store } = get();
    await assert.rejects(
      store.db.transaction().execute(async (trx) => {
        await tamper(trx);
        check(await verify(new Store({ ...store.backend, db: trx }, store.blobs), checkpoint));
        throw new RolledBack();
      }),
      RolledBack,
    );
  }

  before(async () => {
    const { store, dataDir } = get();
    key = await loadOrCreateSigningKey(join(dataDir, "keys", "checkpoint-ed25519.pem"));
    const archiver = new Archiver(store, {
      warc: new WarcWriter(warcDir()),
      fetch: { allowPrivateNetwork: true, retries: 0 },
      onVersion: createVersionListener(store),
    });
    const platform = await store.platforms.ensure("Open Terms Archive");
    const document = await store.documents.ensure(platform.id, "Privacy Policy", [
      { fetch: `${base}/privacy` },
    ]);
    for (const name of [
      "ota-privacy-2024-03-26.html",
      "ota-imprint-2026-04-22.html",
      // The same text as the first (only the page around it changed): a version again, returning to it.
      "ota-privacy-2026-04-22.html",
    ]) {
      if (versionIds.length === 2) beforeNewest = await head();
      body = await page(name);
      const outcome = await archiver.captureDocument(document);
      assert.equal(outcome.kind, "version", JSON.stringify(outcome));
      if (outcome.kind === "version") versionIds.push(outcome.version.id);
    }
    latest = await head();
  });

  it("verifies the intact archive: snapshots, WARC records, versions, analyses and change records", async () => {
    const report = await verify(get().store, latest);
    assert.equal(report.ok, true, JSON.stringify(report.problems));
    assert.equal(report.warcRecordsChecked, 3);
    assert.equal(report.sealsChecked, 6, "three analyses and three change records");
    assert.equal(report.rootHash, latest.rootHash);
  });

  const changeRecordOf = async (versionId: number) =>
    (
      await get()
        .store.db.selectFrom("change_records")
        .select("id")
        .where("to_version_id", "=", versionId)
        .executeTakeFirstOrThrow()
    ).id;
  const classifiedProvision = async () =>
    get()
      .store.db.selectFrom("classifications")
      .select(["id", "provision_id", "version_id"])
      .where("version_id", "in", versionIds)
      .orderBy("id")
      .executeTakeFirstOrThrow();

  it("names an edited change record", async () => {
    const id = await changeRecordOf(versionIds[1]!);
    await whileTampered(
      (db) =>
        db
          .updateTable("change_records")
          .set({ severity: "low", summary: '["Nothing changed"]' })
          .where("id", "=", id)
          .execute()
          .then(() => undefined),
      (report) => assert.deepEqual(problemsOf(report), [`change record CW-C-${id} was altered`]),
    );
  });

  it("names a deleted change record", async () => {
    const id = await changeRecordOf(versionIds[2]!);
    await whileTampered(
      async (db) => {
        await db.deleteFrom("alerts").where("change_record_id", "=", id).execute();
        await db.deleteFrom("change_records").where("id", "=", id).execute();
      },
      (report) => assert.deepEqual(problemsOf(report), [`change record CW-C-${id} was deleted`]),
    );
  });

  it("names an edited provision and a deleted one", async () => {
    const { provision_id: id, version_id: versionId } = await classifiedProvision();
    await whileTampered(
      (db) =>
        db
          .updateTable("provisions")
          .set({ text: "We never share your data." })
          .where("id", "=", id)
          .execute()
          .then(() => undefined),
      (report) =>
        assert.deepEqual(problemsOf(report), [
          `analysis of version ${versionId}: provision CW-P-${id} was altered`,
        ]),
    );
    await whileTampered(
      async (db) => {
        await db.deleteFrom("reviews").where("provision_id", "=", id).execute();
        await db.deleteFrom("classifications").where("provision_id", "=", id).execute();
        await db.deleteFrom("provisions").where("id", "=", id).execute();
      },
      (report) =>
        assert.deepEqual(problemsOf(report), [
          `analysis of version ${versionId}: provision CW-P-${id} was deleted`,
        ]),
    );
  });

  it("names the provision whose classification was edited or deleted", async () => {
    const { id, provision_id: provisionId, version_id: versionId } = await classifiedProvision();
    const expected = [
      `analysis of version ${versionId}: the classifications of provision CW-P-${provisionId} were altered`,
    ];
    await whileTampered(
      (db) =>
        db
          .updateTable("classifications")
          .set({ confidence: 0.0123, severity: "high", polarity: "concerning" })
          .where("id", "=", id)
          .execute()
          .then(() => undefined),
      (report) => assert.deepEqual(problemsOf(report), expected),
    );
    await whileTampered(
      (db) =>
        db
          .deleteFrom("classifications")
          .where("id", "=", id)
          .execute()
          .then(() => undefined),
      (report) => assert.deepEqual(problemsOf(report), expected),
    );
  });

  it("names an edited analysis and a deleted one", async () => {
    const versionId = versionIds[0]!;
    await whileTampered(
      (db) =>
        db
          .updateTable("version_analyses")
          .set({ grade: "A", score: 100 })
          .where("version_id", "=", versionId)
          .execute()
          .then(() => undefined),
      (report) =>
        assert.deepEqual(problemsOf(report), [
          `analysis of version ${versionId}: its grade, language, entities or analyzer were altered`,
        ]),
    );
    await whileTampered(
      (db) =>
        db
          .deleteFrom("version_analyses")
          .where("version_id", "=", versionId)
          .execute()
          .then(() => undefined),
      (report) => assert.deepEqual(problemsOf(report), [`analysis of version ${versionId} was deleted`]),
    );
  });

  it("names a version missing from the database without a negative count, and a version outside the chain", async () => {
    const id = versionIds[2]!;
    const noNegativeCount = (report: VerifyReport) =>
      assert.ok(
        problemsOf(report).every((p) => !/(^|\s)-\d/.test(p)),
        JSON.stringify(report.problems),
      );
    await whileTampered(
      async (db) => {
        const records = db.selectFrom("change_records").select("id").where("to_version_id", "=", id);
        await db.deleteFrom("alerts").where("change_record_id", "in", records).execute();
        await db.deleteFrom("change_records").where("to_version_id", "=", id).execute();
        await db.deleteFrom("search_heads").where("version_id", "=", id).execute();
        await db.deleteFrom("classifications").where("version_id", "=", id).execute();
        await db.deleteFrom("provisions").where("version_id", "=", id).execute();
        await db.deleteFrom("version_analyses").where("version_id", "=", id).execute();
        await db.deleteFrom("versions").where("id", "=", id).execute();
      },
      (report) => {
        assert.ok(problemsOf(report).includes(`version ${id} is missing from the database`));
        noNegativeCount(report);
      },
    );
    await whileTampered(
      (db) =>
        db
          .deleteFrom("chain_entries")
          .where("kind", "=", "version")
          .where("record_id", "=", id)
          .execute()
          .then(() => undefined),
      (report) => {
        assert.ok(
          problemsOf(report).includes(`version ${id} is not in the chain`),
          JSON.stringify(report.problems),
        );
        noNegativeCount(report);
      },
    );
  });

  it("makes the removal of the newest versions with their chain entries visible against a saved checkpoint", async () => {
    const truncate = async (db: Transaction<Database>) => {
      const removed = await db
        .selectFrom("chain_entries")
        .selectAll()
        .where("seq", ">", beforeNewest.treeSize)
        .execute();
      const ids = (kind: string) => removed.filter((e) => e.kind === kind).map((e) => e.record_id);
      const versions = ids("version");
      assert.deepEqual(versions, [versionIds[2]]);
      const records = db.selectFrom("change_records").select("id").where("to_version_id", "in", versions);
      await db.deleteFrom("alerts").where("change_record_id", "in", records).execute();
      await db.deleteFrom("change_records").where("to_version_id", "in", versions).execute();
      await db.deleteFrom("search_heads").where("version_id", "in", versions).execute();
      await db.deleteFrom("classifications").where("version_id", "in", versions).execute();
      await db.deleteFrom("provisions").where("version_id", "in", versions).execute();
      await db.deleteFrom("version_analyses").where("version_id", "in", versions).execute();
      await db
        .deleteFrom("chain_seals")
        .where("id", "in", [...ids("analysis"), ...ids("change-record")])
        .execute();
      await db.deleteFrom("versions").where("id", "in", versions).execute();
      await db.deleteFrom("snapshots").where("id", "in", ids("snapshot")).execute();
      await db.deleteFrom("chain_entries").where("seq", ">", beforeNewest.treeSize).execute();
    };
    // What is left is a consistent prefix: on its own, verify cannot tell.
    await whileTampered(truncate, (report) => assert.equal(report.ok, true, JSON.stringify(report.problems)));
    await whileTampered(truncate, (report) => assert.equal(report.ok, true), beforeNewest);
    await whileTampered(
      truncate,
      (report) =>
        assert.deepEqual(problemsOf(report), [
          `checkpoint: the log has ${beforeNewest.treeSize} entries, fewer than the ${latest.treeSize} of the checkpoint signed at ${latest.time}: entries ${beforeNewest.treeSize + 1}–${latest.treeSize} were removed`,
        ]),
      latest,
    );
  });

  it("refuses a checkpoint whose head was forged, or that another key signed", async () => {
    const forged = { ...latest, treeSize: latest.treeSize - 1 };
    const report = await verify(get().store, forged);
    assert.deepEqual(problemsOf(report), [
      "checkpoint: the checkpoint's signature does not hold: it was altered or forged",
    ]);
    const other = await loadOrCreateSigningKey(join(get().dataDir, "keys", "other.pem"));
    const foreign = signHead(await loadLeaves(get().store), other, new Date());
    assert.match(
      problemsOf(await verify(get().store, foreign))[0] ?? "",
      /^checkpoint: the checkpoint was signed by key /,
    );
  });

  it("names the snapshot whose WARC record has a flipped byte, or was cut off", async () => {
    const [file] = await readdir(warcDir());
    assert.ok(file);
    const path = join(warcDir(), file);
    const original = await readFile(path);
    const { store } = get();
    const snapshots = await store.db
      .selectFrom("snapshots")
      .select(["id", "warc_offset"])
      .orderBy("id")
      .execute();
    try {
      // A byte in the middle of the second record's compressed data.
      const second = snapshots[1]!;
      const third = snapshots[2]!;
      const flipped = Buffer.from(original);
      const at = Math.floor((second.warc_offset! + third.warc_offset!) / 2);
      flipped[at] = flipped[at]! ^ 0x01;
      await writeFile(path, flipped);
      const report = await verify(store);
      assert.equal(report.problems.length, 1, JSON.stringify(report.problems));
      assert.match(
        report.problems[0]!.problem,
        new RegExp(
          `^snapshot ${second.id}: its WARC record \\(${file} at offset ${second.warc_offset}\\) is damaged`,
        ),
      );

      await writeFile(path, original);
      await truncate(path, original.length - 100);
      const cut = await verify(store);
      assert.equal(cut.problems.length, 1, JSON.stringify(cut.problems));
      assert.match(
        cut.problems[0]!.problem,
        new RegExp(
          `^snapshot ${third.id}: its WARC record \\(${file} at offset ${third.warc_offset}\\) is damaged`,
        ),
      );
    } finally {
      await writeFile(path, original);
    }
    assert.equal((await verify(store)).ok, true);
  });

  it("stays verifiable through re-analysis, which appends a new sealed reading", async () => {
    const { store } = get();
    const { provision_id: provisionId } = await classifiedProvision();
    const type = (
      await store.db
        .selectFrom("classifications")
        .select("type")
        .where("provision_id", "=", provisionId)
        .executeTakeFirstOrThrow()
    ).type;
    const sealsBefore = await store.db.selectFrom("chain_seals").select("id").execute();
    await reviewProvision(
      store,
      { provisionId, verdict: "reject", clauseType: type, reviewer: "test" },
      new Set([type]),
    );
    const sealsAfter = await store.db.selectFrom("chain_seals").select("id").execute();
    assert.ok(sealsAfter.length > sealsBefore.length, "the new reading is sealed, the old one kept");
    const report = await verify(store, latest);
    assert.equal(report.ok, true, JSON.stringify(report.problems));
    assert.ok(report.entries > latest.treeSize);
  });
});
