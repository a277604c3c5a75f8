/** The shared corpus as the benchmarks read it: Open Terms Archive's `manifest.jsonl` of a versions dataset. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** One version file of the dataset. */
export interface ManifestRow {
  service: string;
  termsType: string;
  date: string;
  file: string;
}

/** The latest version of every document (service × terms type), by file path. */
export function latestVersions(corpus: string): ManifestRow[] {
  const latest = new Map<string, ManifestRow>();
  for (const line of readFileSync(join(corpus, "manifest.jsonl"), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as ManifestRow;
    const key = `${row.service}/${row.termsType}`;
    const seen = latest.get(key);
    if (!seen || seen.date < row.date) latest.set(key, row);
  }
  return [...latest.values()].sort((a, b) => a.file.localeCompare(b.file));
}
