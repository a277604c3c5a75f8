/**
 * Three real consecutive versions of Proton Mail's privacy policy (Open Terms Archive contributors, ODC-By 1.0;
 * see src/changes/fixtures), imported through the pipeline: the second is a substantive change, the third a
 * minor one (its date), the first no change at all.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Archiver } from "../../src/archive/archiver.js";
import { dateFromFileName } from "../../src/archive/ota/dataset-layout.js";
import { WarcWriter } from "../../src/archive/warc/warc-writer.js";
import { createVersionListener } from "../../src/pipeline/index.js";
import type { TestStore } from "./backends.js";

const DIR = new URL("../../src/changes/fixtures/Proton Mail/Privacy Policy/", import.meta.url);
const FILES = ["2025-09-23T06-17-26Z.md", "2026-02-04T12-46-26Z.md", "2026-02-05T12-44-55Z.md"];
/** Watchlists created at this time see every change of these versions. */
export const BEFORE_PROTON = "2025-01-01T00:00:00.000Z";

export async function importProton({ store, dataDir }: TestStore): Promise<void> {
  const archiver = new Archiver(store, {
    warc: new WarcWriter(join(dataDir, "warc")),
    onVersion: createVersionListener(store),
  });
  for (const file of FILES) {
    await archiver.importVersion({
      platform: "Proton Mail",
      termsType: "Privacy Policy",
      recordedAt: dateFromFileName(file) ?? "",
      bytes: readFileSync(new URL(file, DIR)),
      source: `fixture:${file}`,
    });
  }
}
