/**
 * Reads back the WARC records the archive wrote, by file offset, checking their gzip framing on the way: every
 * record is its own gzip member, whose CRC-32 and length zlib verifies, so a flipped byte or a cut file shows up
 * as an unreadable record.
 */
import { open } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { sha256Hex } from "../../util/hash.js";

/** What `verify` compares with a snapshot: the record's headers and the SHA-256 of its payload. */
export interface WarcRecordSummary {
  targetUri: string | null;
  date: string | null;
  payloadDigest: string | null;
  payloadSha256: string;
  payloadSize: number;
}

/** A record read back, or why it could not be. */
export type WarcReadOutcome = { ok: true; record: WarcRecordSummary } | { ok: false; problem: string };

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
  const block = bytes.subarray(headerEnd + CRLF2.length, headerEnd + CRLF2.length + length);
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
  };
}

/**
 * Reads the records starting at `offsets` in the gzip-per-record WARC file at `path`. Each record is read up to the
 * next offset (or the end of the file), so every byte of the file after the first offset is decompressed and
 * checked once. A missing file yields one outcome per offset saying so.
 */
export async function readWarcRecords(
  path: string,
  offsets: readonly number[],
): Promise<Map<number, WarcReadOutcome>> {
  const out = new Map<number, WarcReadOutcome>();
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    for (const o of sorted) out.set(o, { ok: false, problem: "is in a WARC file that is missing" });
    return out;
  }
  try {
    const { size } = await handle.stat();
    for (const [i, start] of sorted.entries()) {
      const end = sorted[i + 1] ?? size;
      if (start >= size) {
        out.set(start, {
          ok: false,
          problem: `lies beyond the end of the file (${size} bytes): the file was cut`,
        });
        continue;
      }
      const slice = Buffer.alloc(Math.min(end, size) - start);
      await handle.read(slice, 0, slice.length, start);
      let bytes: Buffer;
      try {
        bytes = gunzipSync(slice);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        out.set(start, { ok: false, problem: `is damaged (${why})` });
        continue;
      }
      out.set(start, parseRecord(bytes));
    }
  } finally {
    await handle.close();
  }
  return out;
}
