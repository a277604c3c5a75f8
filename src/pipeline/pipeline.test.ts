import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { describeEachBackend } from "../../test/helpers/backends.js";
import { Archiver } from "../archive/archiver.js";
import { dateFromFileName } from "../archive/ota/dataset-layout.js";
import { importOtaDataset } from "../archive/ota/index.js";
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

describeEachBackend("version listener over an imported Open Terms Archive history", (get) => {
  it("notes re-extracted versions and the return of Signal's privacy policy to its first text", async () => {
    const { store, dataDir } = get();
    const archiver = new Archiver(store, {
      warc: new WarcWriter(join(dataDir, "warc")),
      onVersion: createVersionListener(store),
    });
    // Real history (test/fixtures/ota-mini): first text, a "Refilter" re-extraction, then an engine upgrade
    // whose text is the first one again, byte for byte.
    await importOtaDataset(archiver, fileURLToPath(new URL("../../test/fixtures/ota-mini", import.meta.url)));
    const signal = await store.platforms.find("Signal");
    const document = signal && (await store.documents.find(signal.id, "Privacy Policy"));
    assert.ok(document);
    const versions = await store.versions.listByDocument(document.id);
    const records = new Map((await store.changes.listByDocument(document.id)).map((r) => [r.toVersionId, r]));
    const refilter = records.get(versions[1]!.id);
    assert.ok(
      refilter?.summary.some((l) =>
        l.startsWith("Re-extracted from an existing capture (Open Terms Archive “Refilter”)"),
      ),
    );
    const back = records.get(versions[2]!.id);
    assert.match(
      back?.summary[0] ?? "",
      new RegExp(`^Returns to the exact text of CW-V-${versions[0]!.id},`),
    );
    assert.ok(back?.summary.some((l) => l.includes("“Apply technical or declaration upgrade”")));
    assert.notEqual(back?.kind, "substantive");
  });
});
