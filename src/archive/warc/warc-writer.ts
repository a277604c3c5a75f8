import { randomBytes } from "node:crypto";
import { appendFile, mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { WARC_1_1, WARCRecord, WARCSerializer } from "warcio";

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

/** Where a record was written: enough to seek to it and read it back. */
export interface WarcLocation {
  file: string;
  offset: number;
}

const REASONS: Record<number, string> = {
  200: "OK",
  203: "Non-Authoritative Information",
  206: "Partial Content",
};

/**
 * Appends captures to gzip-per-record WARC/1.1 files (ISO 28500), one file per writer and UTC day,
 * so concurrent workers never interleave bytes in the same file.
 */
export class WarcWriter {
  private readonly writerId = `${process.pid}-${randomBytes(3).toString("hex")}`;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {}

  /** Appends one record; writes are queued so offsets stay exact under concurrent calls. */
  append(capture: WarcCapture): Promise<WarcLocation> {
    const next = this.queue.then(() => this.write(capture));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async write(capture: WarcCapture): Promise<WarcLocation> {
    await mkdir(this.dir, { recursive: true });
    const day = capture.capturedAt.slice(0, 10).replace(/-/g, "");
    const file = `clausewatch-${day}-${this.writerId}.warc.gz`;
    const path = join(this.dir, file);
    const offset = await stat(path).then(
      (s) => s.size,
      () => 0,
    );
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
    const serialized = await WARCSerializer.serialize(record, { gzip: true });
    await appendFile(path, serialized);
    return { file, offset };
  }
}
