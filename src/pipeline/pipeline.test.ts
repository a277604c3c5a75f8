import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { describeEachBackend } from "../../test/helpers/backends.js";
import { Archiver } from "../archive/archiver.js";
import { dateFromFileName } from "../archive/ota/dataset-layout.js";
import { WarcWriter } from "../archive/warc/warc-writer.js";
import type { Store } from "../store/index.js";
import { createVersionListener } from "./index.js";

/** Three real consecutive versions (Open Terms Archive contributors, ODC-By 1.0; see src/changes/fixtures). */
const DIR = new URL("../changes/fixtures/Proton Mail/Privacy Policy/", import.meta.url);
const FILES = ["2025-09-23T06-17-26Z.md", "2026-02-04T12-46-26Z.md", "2026-02-05T12-44-55Z.md"];
const dateOf = (file: string): string => dateFromFileName(file) ?? "";

/** Imports real version files, in the order given, through an archiver with the version listener. */
async function importInOrder(
  { store, dataDir }: { store: Store; dataDir: string },
  document: { platform: string; termsType: string; dir: URL },
  files: readonly string[],
): Promise<void> {
  const archiver = new Archiver(store, {
    warc: new WarcWriter(join(dataDir, "warc")),
    onVersion: createVersionListener(store),
  });
  for (const file of files) {
    await archiver.importVersion({
      platform: document.platform,
      termsType: document.termsType,
      recordedAt: dateOf(file),
      bytes: readFileSync(new URL(file, document.dir)),
      source: `fixture:${file}`,
    });
  }
}

describeEachBackend("version listener", (get) => {
  it("keeps every change record against the true previous version when versions arrive out of order", async () => {
    const { store } = get();
    // Newest first, then the oldest, then the one between them.
    await importInOrder(get(), { platform: "Proton Mail", termsType: "Privacy Policy", dir: DIR }, [
      FILES[2]!,
      FILES[0]!,
      FILES[1]!,
    ]);
    const [document] = await store.documents.list();
    assert.ok(document);
    const versions = await store.versions.listByDocument(document.id);
    assert.deepEqual(
      versions.map((v) => v.recordedAt),
      FILES.map(dateOf),
    );
    const records = await store.changes.listByDocument(document.id);
    const previousOf = new Map(records.map((r) => [r.toVersionId, r.fromVersionId]));
    assert.equal(previousOf.get(versions[0]!.id), null);
    assert.equal(previousOf.get(versions[1]!.id), versions[0]!.id);
    assert.equal(previousOf.get(versions[2]!.id), versions[1]!.id);
    // The last pair only changes its "Last modified" date: the record must say minor, not substantive.
    const last = records.find((r) => r.toVersionId === versions[2]!.id);
    assert.equal(last?.kind, "minor");
  });
});

/** A real flicker: the policy, a capture of its title only, the policy again (same SHA-256). */
const FLICKER_DIR = new URL("../changes/fixtures/Snapchat/Trackers Policy/", import.meta.url);
const FLICKER = ["2021-11-23T10-12-57Z.md", "2022-05-09T18-39-59Z.md", "2022-05-10T00-40-19Z.md"];

describeEachBackend("version listener, a document that returns to an earlier text", (get) => {
  it("records the return as minor, citing the earlier version, after a substantive failed capture", async () => {
    const { store } = get();
    await importInOrder(
      get(),
      { platform: "Snapchat", termsType: "Trackers Policy", dir: FLICKER_DIR },
      FLICKER,
    );
    const [document] = await store.documents.list();
    assert.ok(document);
    const versions = await store.versions.listByDocument(document.id);
    assert.equal(versions.length, 3);
    const records = await store.changes.listByDocument(document.id);
    const byVersion = new Map(records.map((r) => [r.toVersionId, r]));
    assert.equal(byVersion.get(versions[1]!.id)?.kind, "substantive");
    const back = byVersion.get(versions[2]!.id);
    assert.equal(back?.kind, "minor");
    assert.equal(back?.severity, "low");
    assert.match(
      back?.summary[0] ?? "",
      new RegExp(`^Returns to the exact text of CW-V-${versions[0]!.id},`),
    );
  });
});
