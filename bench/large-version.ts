/**
 * Memory and time per request for a very large version: a real policy (Proton Mail's, see NOTICE) repeated
 * to about 47 MB, imported into a fresh SQLite archive and served on loopback by a server in a child process
 * (`test/helpers/serve-store.ts`), so its memory is the server's alone. Three phases of `--requests`
 * concurrent requests (default 10): the document page (page 1 of the text), the version's JSON from the API
 * (`/api/v1/versions/<id>`, the whole text) and the archived copy (`/archive/<sha256>`). Per phase: bytes of
 * one response, wall time, and the server's peak RSS (VmHWM, reset before each phase through
 * /proc/<pid>/clear_refs); the first line is the server's RSS at rest, the baseline the peaks compare with.
 * Responses are read as they arrive and not kept, so the client holds none whole.
 *
 *   npm run bench:large-version -- [--megabytes 47] [--requests 10]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Archiver } from "../src/archive/archiver.js";
import { WarcWriter } from "../src/archive/warc/warc-writer.js";
import { openStore } from "../src/store/index.js";
import { sha256Hex } from "../src/util/hash.js";

const { values } = parseArgs({
  options: { megabytes: { type: "string", default: "47" }, requests: { type: "string", default: "10" } },
});
const POLICY = readFileSync(
  new URL("../src/changes/fixtures/Proton Mail/Privacy Policy/2026-02-04T12-46-26Z.md", import.meta.url),
);
const REQUESTS = Number(values.requests);
const SERVE = fileURLToPath(new URL("../test/helpers/serve-store.ts", import.meta.url));
const mb = (kB: number) => Math.round(kB / 1024);

/** A line of /proc/<pid>/status in kB. */
function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match?.[1] ?? Number.NaN);
}

/**
 * Bytes of a response, read as they arrive (fetch's default Accept-Encoding, as a browser's); -1 when it
 * failed (an error status, a reset connection: a server out of memory or too slow for Node's request timeout).
 */
async function drain(url: string): Promise<number> {
  try {
    const response = await fetch(url);
    let bytes = 0;
    const reader = (response.body ?? new ReadableStream<Uint8Array>()).getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read())
      bytes += part.value.byteLength;
    return response.status === 200 ? bytes : -1;
  } catch {
    return -1;
  }
}

/** `REQUESTS` concurrent GETs of `url`: bytes of one response, failures, wall time, the server's peak RSS. */
async function phase(
  server: ChildProcess,
  url: string,
): Promise<{ bytes: number; failed: number; seconds: number; peakRssMb: number }> {
  const pid = server.pid ?? 0;
  writeFileSync(`/proc/${pid}/clear_refs`, "5"); // resets VmHWM to the current RSS
  const started = performance.now();
  const sizes = await Promise.all(Array.from({ length: REQUESTS }, () => drain(url)));
  const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
  const failed = sizes.filter((n) => n < 0).length;
  const peakRssMb = server.exitCode === null ? mb(statusKb(pid, "VmHWM")) : Number.NaN;
  return { bytes: Math.max(...sizes), failed, seconds, peakRssMb };
}

const dataDir = await mkdtemp(join(tmpdir(), "clausewatch-bench-large-"));
try {
  const databaseUrl = `sqlite:${join(dataDir, "clausewatch.db")}`;
  const store = await openStore({ databaseUrl, dataDir });
  const copies = Math.ceil((Number(values.megabytes) * 2 ** 20) / POLICY.byteLength);
  const bytes = Buffer.concat(Array.from({ length: copies }, () => POLICY));
  const outcome = await new Archiver(store, { warc: new WarcWriter(join(dataDir, "warc")) }).importVersion({
    platform: "Proton Mail",
    termsType: "Privacy Policy",
    recordedAt: "2026-02-04T12:46:26.000Z",
    bytes,
    source: `fixture:proton-x${copies}.md`,
  });
  await store.close();
  if (outcome.kind !== "version") throw new Error(`import: ${outcome.kind}`);
  const server = spawn(process.execPath, ["--import", "tsx", SERVE], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CLAUSEWATCH_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      server.stdout?.once("data", (d: Buffer) => resolve(d.toString().trim()));
      server.once("exit", (code) => reject(new Error(`server exited (${code})`)));
    });
    const restingRssMb = mb(statusKb(server.pid ?? 0, "VmRSS"));
    const page = await phase(server, `${url}/documents/${outcome.version.documentId}`);
    const fullText = await phase(server, `${url}/api/v1/versions/${outcome.version.id}`);
    const archived = await phase(server, `${url}/archive/${sha256Hex(bytes)}`);
    const result = { versionMb: Math.round(bytes.byteLength / 2 ** 20), requests: REQUESTS, restingRssMb };
    console.log(JSON.stringify({ ...result, page, fullText, archived }, null, 2));
  } finally {
    server.kill("SIGTERM");
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
