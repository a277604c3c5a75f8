/**
 * `export-warc`: writes the WARC record of every capture, wherever the archive keeps it (files of this machine or
 * the database), into standard gzip-per-record WARC/1.1 files that any WARC tool reads (pywb, warcio, wget's
 * readers). Each file opens with a `warcinfo` record. A record that cannot be read back is not exported but named.
 */
import { randomBytes } from "node:crypto";
import { appendFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { WARC_1_1, WARCRecord, WARCSerializer } from "warcio";
import type { Store } from "../../store/index.js";
import { describeWarcLocation, readWarcRecordsAt, withWarcRecords } from "./warc-record-reader.js";

export interface WarcExportOptions {
  /** The data directory's `warc` folder, for records kept in files. */
  warcDir: string;
  /** Folder to write into (created when missing). */
  outDir: string;
  /** Only the captures of these platforms (slugs); all when empty. */
  platforms?: readonly string[];
  /** A new file is started past this size (default 1 GB, as WARC tools suggest). */
  maxFileBytes?: number;
}

export interface WarcExportResult {
  /** Paths of the files written. */
  files: string[];
  /** Records exported (the `warcinfo` records not counted). */
  records: number;
  /** One line per record that could not be read, naming its snapshot. */
  problems: string[];
}

const GIGABYTE = 1_000_000_000;

/** Exports the archive's WARC records; see the module comment. */
export async function exportWarc(store: Store, options: WarcExportOptions): Promise<WarcExportResult> {
  const archived = withWarcRecords(await store.snapshots.listWithWarcRecord(options.platforms ?? []));
  const maxFileBytes = options.maxFileBytes ?? GIGABYTE;
  await mkdir(options.outDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
  const run = randomBytes(3).toString("hex");
  const result: WarcExportResult = { files: [], records: 0, problems: [] };
  let path = "";
  let written = maxFileBytes;
  for await (const [i, outcome] of readWarcRecordsAt(
    store,
    options.warcDir,
    archived.map((a) => a.at),
  )) {
    if (!outcome.ok) {
      const { snapshot, at } = archived[i]!;
      result.problems.push(
        `snapshot ${snapshot.id}: its WARC record (${describeWarcLocation(at)}) ${outcome.problem}`,
      );
      continue;
    }
    if (written >= maxFileBytes) {
      const name = `clausewatch-${stamp}-${run}-${String(result.files.length + 1).padStart(5, "0")}.warc.gz`;
      path = join(options.outDir, name);
      const info = await warcInfo(name);
      await writeFile(path, info, { flag: "wx" });
      result.files.push(path);
      written = info.byteLength;
    }
    // One gzip member per record, as the archive writes them: readers can seek to any record.
    const member = gzipSync(outcome.bytes);
    await appendFile(path, member);
    written += member.byteLength;
    result.records++;
  }
  return result;
}

/** The `warcinfo` record that opens an exported file. */
function warcInfo(filename: string): Promise<Uint8Array> {
  const record = WARCRecord.createWARCInfo(
    { filename, warcVersion: WARC_1_1 },
    { software: "ClauseWatch export-warc", format: "WARC File Format 1.1" },
  );
  return WARCSerializer.serialize(record, { gzip: true });
}
