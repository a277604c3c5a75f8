import { randomBytes } from "node:crypto";
import { appendFile, mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { WARC_1_1, WARCRecord, WARCSerializer } from "warcio";
import type { WarcLocation } from "../../model/index.js";
import type { Store } from "../../store/index.js";

/** A capture to write as a WARC `response` record. */
export interface WarcCapture {
  url: string;
  capturedAt: string;
  status: number | null;
  headers: Record<string, string>;
  bytes: Uint8Array;
  /** SHA-256 of `bytes`, recorded as the payload digest so WARC and database cross-check. */
  sha256: string;
}

/** A record in a `.warc.gz` file of the data directory. */
export type WarcFileLocation = Extract<WarcLocation, { store: "file" }>;

/** Where captures' WARC records go; each returns where it put one, enough to read it back. */
export interface WarcSink {
  append(capture: WarcCapture): Promise<WarcLocation>;
}

const REASONS: Record<number, string> = {
  200: "OK",
  203: "Non-Authoritative Information",
  206: "Partial Content",
};

/** One WARC/1.1 `response` record of a capture, as one gzip member (what a `.warc.gz` file concatenates). */
export async function serializeWarcRecord(capture: WarcCapture): Promise<Uint8Array> {
  const status = capture.status ?? 200;
  const httpHeaders: [string, string][] = Object.entries(capture.headers).filter(
    // The stored body is decoded; keeping these would make WARC readers try to decode it again.
    ([name]) => !["content-encoding", "transfer-encoding", "content-length"].includes(name),
  );
  httpHeaders.push(["content-length", String(capture.bytes.byteLength)]);
  const record = WARCRecord.create(
    {
      url: capture.url,
      date: capture.capturedAt,
      type: "response",
      warcVersion: WARC_1_1,
      statusline: `HTTP/1.1 ${status} ${REASONS[status] ?? "Status"}`,
      httpHeaders,
      warcHeaders: { "WARC-Payload-Digest": `sha256:${capture.sha256}` },
    },
    [capture.bytes],
  );
  return WARCSerializer.serialize(record, { gzip: true });
}

/**
 * Appends captures to gzip-per-record WARC/1.1 files (ISO 28500), one file per writer and UTC day,
 * so concurrent workers never interleave bytes in the same file.
 */
export class WarcWriter implements WarcSink {
  private readonly writerId = `${process.pid}-${randomBytes(3).toString("hex")}`;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {}

  /** Appends one record; writes are queued so offsets stay exact under concurrent calls. */
  append(capture: WarcCapture): Promise<WarcFileLocation> {
    const next = this.queue.then(() => this.write(capture));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async write(capture: WarcCapture): Promise<WarcFileLocation> {
    await mkdir(this.dir, { recursive: true });
    const day = capture.capturedAt.slice(0, 10).replace(/-/g, "");
    const file = `clausewatch-${day}-${this.writerId}.warc.gz`;
    const path = join(this.dir, file);
    const offset = await stat(path).then(
      (s) => s.size,
      () => 0,
    );
    const serialized = await serializeWarcRecord(capture);
    await appendFile(path, serialized);
    return { store: "file", file, offset };
  }
}

/**
 * Stores each record as a row of `warc_records`, so a record captured on one machine is read back on any other;
 * `clausewatch export-warc` writes them out as standard `.warc.gz` files.
 */
export class DatabaseWarcWriter implements WarcSink {
  constructor(private readonly store: Store) {}

  async append(capture: WarcCapture): Promise<WarcLocation> {
    const recordId = await this.store.warcRecords.insert(
      capture.capturedAt,
      await serializeWarcRecord(capture),
    );
    return { store: "database", recordId };
  }
}

/** The sink that keeps WARC records where the store keeps its blobs: the database, or `<dataDir>/warc`. */
export function warcSinkFor(store: Store, dataDir: string): WarcSink {
  return store.blobs.storage === "database"
    ? new DatabaseWarcWriter(store)
    : new WarcWriter(join(dataDir, "warc"));
}
