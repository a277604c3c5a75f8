/**
 * Memory per request stays bounded however large a version is: a real policy repeated to about 42 MB is
 * served by a server in a child process whose JavaScript heap is capped at 96 MB, which cannot hold the text
 * even once (about 84 MB as a JavaScript string). Ten concurrent requests (pages of the text, the version's
 * JSON from the API, the archived copy) must all answer in full while the server stays up; a server that
 * reads the whole text for a request dies of heap exhaustion instead.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { fileURLToPath } from "node:url";
import { Archiver } from "../../src/archive/archiver.js";
import { WarcWriter } from "../../src/archive/warc/warc-writer.js";
import { TEXT_PAGE_CHARS } from "../../src/server/views/text-pages.js";
import { sha256Hex } from "../../src/util/hash.js";
import { describeEachBackend } from "../helpers/backends.js";

// Proton Mail's privacy policy (Open Terms Archive contributors, ODC-By 1.0; see src/changes/fixtures).
const POLICY = readFileSync(
  new URL("../../src/changes/fixtures/Proton Mail/Privacy Policy/2026-02-04T12-46-26Z.md", import.meta.url),
);
const COPIES = 2_200;
const HEAP_MB = 96;
const SERVE = fileURLToPath(new URL("../helpers/serve-store.ts", import.meta.url));

/** Status, byte count and SHA-256 of a response, read as it arrives (the test holds no whole body either). */
async function digest(
  url: string,
  encoding: string,
): Promise<{ status: number; bytes: number; sha256: string }> {
  const response = await fetch(url, { headers: { "accept-encoding": encoding } });
  const hash = createHash("sha256");
  let bytes = 0;
  const reader = (response.body ?? new ReadableStream<Uint8Array>()).getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    hash.update(part.value);
    bytes += part.value.byteLength;
  }
  return { status: response.status, bytes, sha256: hash.digest("hex") };
}

describeEachBackend("memory per request for a very large version", (get) => {
  const bytes = Buffer.concat(Array.from({ length: COPIES }, () => POLICY));
  let versionId = 0;
  let documentId = 0;
  let server: ChildProcess | undefined;
  let url = "";
  let stderr = "";

  before(async () => {
    const { store, dataDir, databaseUrl, postgresSchema } = get();
    const outcome = await new Archiver(store, { warc: new WarcWriter(join(dataDir, "warc")) }).importVersion({
      platform: "Proton Mail",
      termsType: "Privacy Policy",
      recordedAt: "2026-02-04T12:46:26.000Z",
      bytes,
      source: `fixture:proton-x${COPIES}.md`,
    });
    assert.equal(outcome.kind, "version");
    if (outcome.kind !== "version") return;
    versionId = outcome.version.id;
    documentId = outcome.version.documentId;
    server = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, "--import", "tsx", SERVE], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        CLAUSEWATCH_DATA_DIR: dataDir,
        TEST_POSTGRES_SCHEMA: postgresSchema ?? "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    url = await new Promise<string>((resolve, reject) => {
      server?.stdout?.once("data", (d: Buffer) => resolve(d.toString().trim()));
      server?.once("exit", (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
    });
  });

  after(() => {
    server?.kill("SIGTERM");
  });

  it("answers ten concurrent requests in full from a heap smaller than the text", async () => {
    const pages = [1, 40, 80, 120, 160, 200].map((n) => `${url}/documents/${documentId}?page=${n}`);
    const api = `${url}/api/v1/versions/${versionId}`;
    const archived = `${url}/archive/${sha256Hex(bytes)}`;
    const responses = await Promise.all([
      ...pages.map((page) => digest(page, "gzip")),
      digest(api, "identity"),
      digest(api, "gzip"),
      digest(api, "identity"),
      digest(archived, "identity"),
    ]);
    assert.equal(server?.exitCode, null, `the server is still running: ${stderr.slice(-500)}`);
    for (const [i, r] of responses.entries()) assert.equal(r.status, 200, `response ${i}`);
    for (const r of responses.slice(0, pages.length))
      assert.ok(r.bytes < 2 * TEXT_PAGE_CHARS, `a page is ${r.bytes} bytes of HTML`);
    const [one, two, three, copy] = responses.slice(pages.length);
    assert.ok(one && two && three && copy);
    assert.deepEqual([two.sha256, three.sha256], [one.sha256, one.sha256], "the same JSON every time");
    assert.deepEqual([copy.bytes, copy.sha256], [bytes.byteLength, sha256Hex(bytes)], "the archived copy");
  });

  it("streams the same JSON as the whole version would give", async () => {
    const json = (await (await fetch(`${url}/api/v1/versions/${versionId}`)).json()) as {
      data: { id: number; recordId: string; sha256: string; text: string; evidence: { size: number } };
    };
    const text = bytes.toString("utf8");
    assert.equal(json.data.text.length, text.length);
    assert.equal(sha256Hex(json.data.text), json.data.sha256, "the text is the stored one");
    assert.equal(json.data.sha256, sha256Hex(text));
    assert.equal(json.data.recordId, `CW-V-${versionId}`);
    assert.equal(json.data.evidence.size, bytes.byteLength);
  });
});
