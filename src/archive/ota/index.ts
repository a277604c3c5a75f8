/** Import and export of Open Terms Archive versions datasets. */
import { createReadStream, existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { createInterface } from "node:readline";
import type { Store } from "../../store/index.js";
import type { Archiver, RecordOutcome } from "../archiver.js";
import { normalizeTermsType, UnknownTermsTypeError } from "../declarations/terms-types.js";
import { dateFromFileName, fileNameFromDate, safeFolderName } from "./dataset-layout.js";

export { reextractionOf } from "./commit-kinds.js";
export { dateFromFileName, fileNameFromDate } from "./dataset-layout.js";

/** One version file found in a dataset. */
export interface DatasetEntry {
  service: string;
  termsType: string;
  recordedAt: string;
  path: string;
  relativePath: string;
  commitKind: string | null;
}

/** Lists a dataset's version files, oldest first within each document, with manifest commit kinds when present. */
export async function scanOtaDataset(dir: string): Promise<{ entries: DatasetEntry[]; skipped: string[] }> {
  const kinds = await readManifestKinds(dir);
  const entries: DatasetEntry[] = [];
  const skipped: string[] = [];
  for (const service of (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory())) {
    if (service.name.startsWith(".")) continue;
    const serviceDir = join(dir, service.name);
    for (const type of (await readdir(serviceDir, { withFileTypes: true })).filter((d) => d.isDirectory())) {
      let termsType: string;
      try {
        termsType = normalizeTermsType(type.name);
      } catch (error) {
        if (!(error instanceof UnknownTermsTypeError)) throw error;
        skipped.push(`${service.name}/${type.name}: ${error.message}`);
        continue;
      }
      const typeDir = join(serviceDir, type.name);
      for (const file of (await readdir(typeDir)).sort()) {
        const recordedAt = dateFromFileName(file);
        if (!recordedAt) {
          if (file.endsWith(".md")) skipped.push(`${service.name}/${type.name}/${file}: not a dataset date`);
          continue;
        }
        const path = join(typeDir, file);
        const relativePath = relative(dir, path);
        entries.push({
          service: service.name,
          termsType,
          recordedAt,
          path,
          relativePath,
          commitKind: kinds.get(relativePath) ?? null,
        });
      }
    }
  }
  entries.sort(
    (a, b) =>
      a.service.localeCompare(b.service) ||
      a.termsType.localeCompare(b.termsType) ||
      a.recordedAt.localeCompare(b.recordedAt),
  );
  return { entries, skipped };
}

async function readManifestKinds(dir: string): Promise<Map<string, string>> {
  const kinds = new Map<string, string>();
  const manifest = join(dir, "manifest.jsonl");
  if (!existsSync(manifest)) return kinds;
  const lines = createInterface({
    input: createReadStream(manifest, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { file?: string; commitKind?: string };
    if (row.file && row.commitKind) kinds.set(row.file, row.commitKind);
  }
  return kinds;
}

export interface ImportProgress {
  done: number;
  total: number;
  entry: DatasetEntry;
  outcome: RecordOutcome;
}

export interface ImportSummary {
  files: number;
  versions: number;
  verifications: number;
  skipped: number;
  warnings: string[];
}

/** Imports every version of a dataset through the archiver (idempotent, resumable after a crash). */
export async function importOtaDataset(
  archiver: Archiver,
  dir: string,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportSummary> {
  const { entries, skipped } = await scanOtaDataset(dir);
  const summary: ImportSummary = {
    files: entries.length,
    versions: 0,
    verifications: 0,
    skipped: 0,
    warnings: skipped,
  };
  let done = 0;
  for (const entry of entries) {
    const outcome = await archiver.importVersion({
      platform: entry.service,
      termsType: entry.termsType,
      recordedAt: entry.recordedAt,
      bytes: await readFile(entry.path),
      source: `ota-dataset:${entry.relativePath}`,
      commitKind: entry.commitKind,
    });
    if (outcome.kind === "version") summary.versions++;
    else if (outcome.kind === "verification") summary.verifications++;
    else summary.skipped++;
    if (outcome.kind === "skipped" && outcome.reason !== "already imported") {
      summary.warnings.push(`${entry.relativePath}: ${outcome.reason}`);
    }
    done++;
    onProgress?.({ done, total: entries.length, entry, outcome });
  }
  return summary;
}

/** Writes every version in the dataset layout; returns the number of files written. */
export async function exportOtaDataset(store: Store, dir: string): Promise<number> {
  let written = 0;
  for (const platform of await store.platforms.list()) {
    for (const document of await store.documents.listByPlatform(platform.id)) {
      const folder = join(dir, safeFolderName(platform.name), document.termsType);
      const versions = await store.versions.listByDocument(document.id);
      if (versions.length === 0) continue;
      await mkdir(folder, { recursive: true });
      for (const summary of versions) {
        const version = await store.versions.get(summary.id);
        if (!version) continue;
        await writeFile(join(folder, fileNameFromDate(version.recordedAt)), version.text);
        written++;
      }
    }
  }
  return written;
}
