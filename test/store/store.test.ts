import assert from "node:assert/strict";
import { join } from "node:path";
import { it } from "node:test";
import { snapshotRecordHash } from "../../src/archive/chain/index.js";
import { verifyArchive } from "../../src/archive/verify/index.js";
import { slugify } from "../../src/store/index.js";
import { sha256Hex } from "../../src/util/hash.js";
import { describeEachBackend } from "../helpers/backends.js";

describeEachBackend("storage", (get) => {
  it("creates a platform once and finds it by name or slug", async () => {
    const { store } = get();
    const a = await store.platforms.ensure("Booking.com");
    const b = await store.platforms.ensure("Booking.com");
    assert.equal(a.id, b.id);
    assert.equal(a.slug, "booking-com");
    assert.equal((await store.platforms.find("booking-com"))?.id, a.id);
    assert.equal((await store.platforms.find("Booking.com"))?.id, a.id);
    assert.equal(await store.platforms.find("Nope"), undefined);
  });

  it("keeps one document per platform and terms type, updating declared sources", async () => {
    const { store } = get();
    const platform = await store.platforms.ensure("Signal");
    const first = await store.documents.ensure(platform.id, "Privacy Policy");
    assert.deepEqual(first.sources, []);
    const second = await store.documents.ensure(platform.id, "Privacy Policy", [
      { fetch: "https://signal.org/legal/", select: ["main"] },
    ]);
    assert.equal(second.id, first.id);
    assert.deepEqual((await store.documents.get(first.id))?.sources, [
      { fetch: "https://signal.org/legal/", select: ["main"] },
    ]);
  });

  it("stores a capture error against the document and keeps the log", async () => {
    const { store } = get();
    const platform = await store.platforms.ensure("Signal");
    const doc = await store.documents.ensure(platform.id, "Privacy Policy");
    await store.documents.logError({
      documentId: doc.id,
      occurredAt: "2026-11-24T00:00:00.000Z",
      url: "https://signal.org/legal/",
      code: "HTTP_ERROR",
      message: "HTTP 404 Not Found",
      transient: false,
    });
    const after = await store.documents.get(doc.id);
    assert.equal(after?.lastError, "HTTP_ERROR: HTTP 404 Not Found");
    assert.equal((await store.documents.errors(doc.id)).length, 1);
  });

  it("serialises concurrent chain appends into one unbroken chain", async () => {
    const { store } = get();
    const platform = await store.platforms.ensure("Concurrency");
    const doc = await store.documents.ensure(platform.id, "Terms of Service");
    const bytes = new TextEncoder().encode("real bytes are not needed for the chain order itself");
    const sha256 = await store.blobs.put(bytes);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.chainTransaction(async (tx) => {
          const snapshot = await tx.snapshots.insert({
            documentId: doc.id,
            sha256,
            url: `https://example.org/${i}`,
            capturedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
            method: "http",
            httpStatus: 200,
            headers: { "content-type": "text/plain" },
            mimeType: "text/plain",
            size: bytes.byteLength,
            warc: null,
            extractionWarnings: [],
          });
          await tx.chain.append("snapshot", snapshot.id, snapshotRecordHash(snapshot));
        }),
      ),
    );
    const report = await verifyArchive(store, { warcDir: join(get().dataDir, "warc") });
    assert.equal(report.ok, true, JSON.stringify(report.problems));
    assert.equal(report.snapshotsChecked, 12);
  });

  it("never reuses a record id after a delete", async () => {
    const { store } = get();
    const a = await store.platforms.ensure("Temporary One");
    await store.db.deleteFrom("platforms").where("id", "=", a.id).execute();
    const b = await store.platforms.ensure("Temporary Two");
    assert.ok(b.id > a.id);
  });

  it("content-addresses blobs", async () => {
    const { store } = get();
    const bytes = new TextEncoder().encode("Signal is a non-profit.");
    const sha = await store.blobs.put(bytes);
    assert.equal(sha, sha256Hex(bytes));
    assert.equal(await store.blobs.put(bytes), sha);
    assert.deepEqual(Buffer.from(await store.blobs.get(sha)), Buffer.from(bytes));
    await assert.rejects(store.blobs.get("0".repeat(64)), /missing from the blob store/);
  });
});

it("slugifies names for URLs", () => {
  assert.equal(slugify("Chrome and Chrome OS"), "chrome-and-chrome-os");
  assert.equal(slugify("Ünïcode Sérvice"), "unicode-service");
  assert.equal(slugify("!!!"), "platform");
});
