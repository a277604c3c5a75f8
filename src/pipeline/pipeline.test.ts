import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { describeEachBackend } from "../../test/helpers/backends.js";
import { Archiver } from "../archive/archiver.js";
import { dateFromFileName } from "../archive/ota/dataset-layout.js";
import { WarcWriter } from "../archive/warc/warc-writer.js";
import { createVersionListener } from "./index.js";

/** Three real consecutive versions (Open Terms Archive contributors, ODC-By 1.0; see src/changes/fixtures). */
const DIR = new URL("../changes/fixtures/Proton Mail/Privacy Policy/", import.meta.url);
const FILES = ["2025-09-23T06-17-26Z.md", "2026-02-04T12-46-26Z.md", "2026-02-05T12-44-55Z.md"];
const dateOf = (file: string): string => dateFromFileName(file) ?? "";

describeEachBackend("version listener", (get) => {
  it("keeps every change record against the true previous version when versions arrive out of order", async () => {
    const { store, dataDir } = get();
    const archiver = new Archiver(store, {
      warc: new WarcWriter(join(dataDir, "warc")),
      onVersion: createVersionListener(store),
    });
    // Newest first, then the oldest, then the one between them.
    for (const file of [FILES[2]!, FILES[0]!, FILES[1]!]) {
      await archiver.importVersion({
        platform: "Proton Mail",
        termsType: "Privacy Policy",
        recordedAt: dateOf(file),
        bytes: readFileSync(new URL(file, DIR)),
        source: `fixture:${file}`,
      });
    }
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
