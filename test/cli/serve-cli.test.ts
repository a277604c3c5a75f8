import assert from "node:assert/strict";
import { type ChildProcess, execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { ROOT, runCli, startCli } from "../helpers/cli.js";

const DATASET = join(ROOT, "test/fixtures/ota-mini");

/** Process ids whose parent is `pid` (Linux `ps`). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when there is none
  }
}

/** The processes of `pids` that still run. */
function stillRunning(pids: Iterable<number>): number[] {
  return [...pids].filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
}

/** Kills a server that a failed run left running, and its workers, so they do not hold the runner open. */
function killTree(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  for (const pid of childrenOf(child.pid!)) process.kill(pid, "SIGKILL");
  child.kill("SIGKILL");
}

describe("clausewatch serve --workers (real processes, SQLite file)", () => {
  let dataDir = "";
  let env: Record<string, string> = {};
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "clausewatch-serve-"));
    env = { CLAUSEWATCH_DATA_DIR: dataDir, DATABASE_URL: "", CLAUSEWATCH_TRACK_INTERVAL_MINUTES: "1440" };
    const imported = await runCli(["import-ota", DATASET], env);
    assert.equal(imported.code, 0, imported.stderr);
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it("serves from two worker processes on one port, and stops them all on SIGTERM", {
    timeout: 90_000,
  }, async () => {
    const child = startCli(["serve", "--port", "0", "--workers", "2"], env);
    try {
      let stdout = "";
      let stderr = "";
      child.stderr?.on("data", (d: Buffer) => {
        stderr += d.toString();
      });
      const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout?.on("data", (d: Buffer) => {
          stdout += d.toString();
          const match = /serving at (http:\/\/\S+?)\/ by 2 worker processes/.exec(stdout);
          if (match) resolve(match[1]!);
        });
        void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
      });
      const workers = childrenOf(child.pid!);
      assert.equal(workers.length, 2, `worker processes of ${child.pid}: ${workers.join(", ")}`);
      for (let i = 0; i < 6; i++) {
        const page = await fetch(`${url}/platforms/signal`);
        assert.equal(page.status, 200);
        assert.match(await page.text(), /Signal/);
      }
      const api = (await (await fetch(`${url}/api/v1/platforms`)).json()) as { data: { slug: string }[] };
      assert.ok(api.data.some((p) => p.slug === "signal"));

      child.kill("SIGTERM");
      assert.equal(await exited, 0, stderr);
      const alive = stillRunning(workers);
      assert.deepEqual(alive, [], "every worker stopped with the primary");
    } finally {
      killTree(child);
    }
  });

  it("fails with a clear error, leaving no worker behind, when the port is taken", {
    timeout: 90_000,
  }, async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as AddressInfo).port;
    const child = startCli(["serve", "--port", String(port), "--workers", "2"], env);
    try {
      let stderr = "";
      child.stderr?.on("data", (d: Buffer) => {
        stderr += d.toString();
      });
      const seen = new Set<number>();
      const poll = setInterval(() => {
        for (const pid of childrenOf(child.pid!)) seen.add(pid);
      }, 50);
      const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
      clearInterval(poll);
      assert.equal(code, 1);
      assert.match(stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}`));
      const alive = stillRunning([...seen]);
      assert.deepEqual(alive, [], "no worker is left running");
    } finally {
      killTree(child);
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });

  it("refuses a worker count out of range", async () => {
    const result = await runCli(["serve", "--workers", "0"], env);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /invalid --workers: 0/);
  });
});
