/**
 * Reads back the WARC records the archive wrote, from files (by offset) or from the database, checking their gzip
 * framing on the way: every record is its own gzip member, whose CRC-32 and length zlib verifies, so a flipped byte
 * or a cut file shows up as an unreadable record.
 */
import { open } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Snapshot, WarcLocation } from "../../model/index.js";
import type { Store } from "../../store/index.js";
import { sha256Hex } from "../../util/hash.js";

/** What `verify` compares with a snapshot: the record's headers and the SHA-256 of its payload. */
export interface WarcRecordSummary {
  targetUri: string | null;
  date: string | null;
  payloadDigest: string | null;
  payloadSha256: string;
  payloadSize: number;
}

/** A record read back (`bytes`: the record uncompressed, up to its closing blank line), or why it could not be. */
export type WarcReadOutcome =
  | { ok: true; record: WarcRecordSummary; bytes: Buffer }
  | { ok: false; problem: string };

const CRLF2 = Buffer.from("\r\n\r\n");

/** The first WARC record of decompressed bytes. */
function parseRecord(bytes: Buffer): WarcReadOutcome {
  const headerEnd = bytes.indexOf(CRLF2);
  if (headerEnd < 0 || !bytes.subarray(0, 5).equals(Buffer.from("WARC/")))
    return { ok: false, problem: "is not a WARC record" };
  const headers = new Map<string, string>();
  for (const line of bytes.subarray(0, headerEnd).toString("utf8").split("\r\n").slice(1)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const length = Number(headers.get("content-length"));
  const blockStart = headerEnd + CRLF2.length;
  const block = bytes.subarray(blockStart, blockStart + length);
  if (!Number.isSafeInteger(length) || block.length !== length)
    return { ok: false, problem: "is shorter than its Content-Length" };
  // A response record's block is the HTTP head, a blank line, then the payload.
  const httpEnd = headers.get("warc-type") === "response" ? block.indexOf(CRLF2) : -1;
  const payload = httpEnd < 0 ? block : block.subarray(httpEnd + CRLF2.length);
  return {
    ok: true,
    record: {
      targetUri: headers.get("warc-target-uri") ?? null,
      date: headers.get("warc-date") ?? null,
      payloadDigest: headers.get("warc-payload-digest") ?? null,
      payloadSha256: sha256Hex(payload),
      payloadSize: payload.length,
    },
    bytes: Buffer.concat([bytes.subarray(0, blockStart + length), CRLF2]),
  };
}

/** Decompresses one stored record (a gzip member, perhaps followed by others) and parses its first record. */
function decodeMember(gzip: Uint8Array): WarcReadOutcome {
  let bytes: Buffer;
  try {
    bytes = gunzipSync(gzip);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `is damaged (${why})` };
  }
  return parseRecord(bytes);
}

/**
 * Reads the records starting at `offsets` in the gzip-per-record WARC file at `path`. Each record is read up to the
 * next offset (or the end of the file), so every byte of the file after the first offset is decompressed and
 * checked once. A missing file yields one outcome per offset saying so.
 */
async function* readFileRecords(
  path: string,
  offsets: readonly number[],
): AsyncGenerator<[number, WarcReadOutcome]> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    for (const o of sorted) yield [o, { ok: false, problem: "is in a WARC file that is missing" }];
    return;
  }
  try {
    const { size } = await handle.stat();
    for (const [i, start] of sorted.entries()) {
      if (start >= size) {
        yield [
          start,
          { ok: false, problem: `lies beyond the end of the file (${size} bytes): the file was cut` },
        ];
        continue;
      }
      const slice = Buffer.alloc(Math.min(sorted[i + 1] ?? size, size) - start);
      await handle.read(slice, 0, slice.length, start);
      yield [start, decodeMember(slice)];
    }
  } finally {
    await handle.close();
  }
}

/** Database records fetched per query. */
const DATABASE_BATCH = 100;

/**
 * Reads the records at `locations`, wherever they are kept (`warcDir`: the data directory's `warc` folder), one at
 * a time so memory holds one record: yields each location's index in `locations` with what was read there.
 * File records are read file by file, in offset order; database records by id.
 */
export async function* readWarcRecordsAt(
  store: Store,
  warcDir: string,
  locations: readonly WarcLocation[],
): AsyncGenerator<[number, WarcReadOutcome]> {
  const byFile = new Map<string, Map<number, number[]>>();
  const inDatabase: [number, number][] = [];
  for (const [i, at] of locations.entries()) {
    if (at.store === "database") {
      inDatabase.push([i, at.recordId]);
      continue;
    }
    const offsets = byFile.get(at.file) ?? new Map<number, number[]>();
    offsets.set(at.offset, [...(offsets.get(at.offset) ?? []), i]);
    byFile.set(at.file, offsets);
  }
  for (const [file, offsets] of byFile) {
    for await (const [offset, outcome] of readFileRecords(join(warcDir, file), [...offsets.keys()]))
      for (const i of offsets.get(offset) ?? []) yield [i, outcome];
  }
  for (let from = 0; from < inDatabase.length; from += DATABASE_BATCH) {
    const batch = inDatabase.slice(from, from + DATABASE_BATCH);
    const rows = await store.warcRecords.get(batch.map(([, id]) => id));
    for (const [i, id] of batch) {
      const gzip = rows.get(id);
      yield [i, gzip ? decodeMember(gzip) : { ok: false, problem: "is missing from the database" }];
    }
  }
}

/** How a location is named in messages. */
export function describeWarcLocation(at: WarcLocation): string {
  return at.store === "file" ? `${at.file} at offset ${at.offset}` : `record ${at.recordId} in the database`;
}

/** The snapshots among `snapshots` that have a WARC record, each with where it is. */
export function withWarcRecords(snapshots: readonly Snapshot[]): { snapshot: Snapshot; at: WarcLocation }[] {
  return snapshots.flatMap((snapshot) => (snapshot.warc ? [{ snapshot, at: snapshot.warc }] : []));
}
