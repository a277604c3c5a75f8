import assert from "node:assert/strict";
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { WARCParser } from "warcio";
import { WarcWriter } from "../../src/archive/warc/warc-writer.js";
import { sha256Hex } from "../../src/util/hash.js";

const PAGE = fileURLToPath(
  new URL("../fixtures/ota-mini/Signal/Privacy Policy/2025-09-23T06-20-01Z.md", import.meta.url),
);

it("writes WARC/1.1 response records that a standard reader parses back, at the recorded offsets", async () => {
  const dir = await mkdtemp(join(tmpdir(), "clausewatch-warc-"));
  try {
    const writer = new WarcWriter(dir);
    const bytes = await readFile(PAGE);
    const sha256 = sha256Hex(bytes);
    const [first, second] = await Promise.all([
      writer.append({
        url: "https://signal.org/legal/",
        capturedAt: "2026-11-24T10:00:00.000Z",
        status: 200,
        headers: { "content-type": "text/markdown; charset=utf-8", "content-encoding": "gzip" },
        bytes,
        sha256,
      }),
      writer.append({
        url: "https://signal.org/legal/#again",
        capturedAt: "2026-11-24T10:05:00.000Z",
        status: 200,
        headers: { "content-type": "text/markdown" },
        bytes,
        sha256,
      }),
    ]);
    assert.equal(first.file, second.file);
    assert.equal(first.offset, 0);
    assert.ok(second.offset > 0);

    const records = [];
    const parser = new WARCParser(createReadStream(join(dir, first.file)));
    for await (const record of parser) {
      const payload = await record.readFully();
      records.push({
        type: record.warcType,
        url: record.warcTargetURI,
        version: record.warcHeaders.protocol,
        status: record.httpHeaders?.statusCode,
        encoding: record.httpHeaders?.headers.get("content-encoding"),
        sha256: sha256Hex(payload),
        offset: parser.offset,
      });
    }
    assert.equal(records.length, 2);
    assert.equal(records[0]?.type, "response");
    assert.equal(records[0]?.version, "WARC/1.1");
    assert.equal(records[0]?.url, "https://signal.org/legal/");
    assert.equal(records[0]?.status, 200);
    // The body is stored decoded, so the encoding header must not be replayed.
    assert.equal(records[0]?.encoding, null);
    assert.equal(records[0]?.sha256, sha256);
    assert.equal(records[1]?.offset, second.offset);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
