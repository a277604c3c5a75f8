import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { ROOT, runCli, startCli } from "../helpers/cli.js";

const DATASET = join(ROOT, "test/fixtures/ota-mini");
const DEMO = join(ROOT, "demo/ota");

describe("clausewatch archive commands (SQLite file, real processes)", () => {
  let dataDir = "";
  let env: Record<string, string> = {};
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "clausewatch-cli-"));
    env = { CLAUSEWATCH_DATA_DIR: dataDir, DATABASE_URL: "" };
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it("imports, reports stats as JSON, verifies, and fails verify naming an altered snapshot", async () => {
    const imported = await runCli(["import-ota", DATASET], env);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /imported 11 files/);

    const stats = await runCli(["stats", "--json"], env);
    const parsed = JSON.parse(stats.stdout) as Record<string, number>;
    assert.deepEqual(Object.keys(parsed).sort(), [
      "chainEntries",
      "documents",
      "platforms",
      "snapshots",
      "versions",
    ]);
    assert.equal(parsed.platforms, 2);
    assert.equal(parsed.snapshots, 11);

    const ok = await runCli(["verify"], env);
    assert.equal(ok.code, 0, ok.stderr);

    const db = new Database(join(dataDir, "clausewatch.db"), { readonly: true });
    const row = db.prepare("select id, sha256 from snapshots order by id limit 1 offset 4").get() as {
      id: number;
      sha256: string;
    };
    db.close();
    const blob = join(dataDir, "blobs", row.sha256.slice(0, 2), row.sha256.slice(2, 4), row.sha256);
    const bytes = await readFile(blob);
    const altered = Buffer.from(bytes);
    altered[0] = altered[0]! ^ 0x20;
    await writeFile(blob, altered);
    const broken = await runCli(["verify"], env);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, new RegExp(`snapshot ${row.id}: bytes .* were altered`));
    await writeFile(blob, bytes);
  });

  it("rejects an unknown terms type with a clear message", async () => {
    const result = await runCli(
      [
        "capture",
        join(DATASET, "Signal/Privacy Policy/2025-09-23T06-20-01Z.md"),
        "--platform",
        "Signal",
        "--type",
        "Bogus Policy",
      ],
      env,
    );
    assert.equal(result.code, 1);
    assert.match(result.stderr, /unknown terms type "Bogus Policy"/);
  });

  it("leaves a consistent database when killed mid-import, and a re-run completes it", async () => {
    const killedDir = await mkdtemp(join(tmpdir(), "clausewatch-kill-"));
    const killEnv = { CLAUSEWATCH_DATA_DIR: killedDir, DATABASE_URL: "" };
    try {
      const child = startCli(["import-ota", DEMO], killEnv);
      const dbFile = join(killedDir, "clausewatch.db");
      let versionsAtKill = 0;
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          try {
            const db = new Database(dbFile, { readonly: true, fileMustExist: true });
            const n = (db.prepare("select count(*) as n from versions").get() as { n: number }).n;
            db.close();
            if (n >= 5) {
              versionsAtKill = n;
              child.kill("SIGKILL");
            }
          } catch {
            // not created yet
          }
        }, 15);
        child.on("close", () => {
          clearInterval(poll);
          resolve();
        });
      });
      assert.ok(versionsAtKill >= 5, "the import was killed while running");
      const afterKill = await runCli(["stats", "--json"], killEnv);
      const partial = JSON.parse(afterKill.stdout) as { versions: number; snapshots: number };
      assert.ok(partial.snapshots < 99, `killed before the end (${partial.snapshots} snapshots)`);
      assert.equal(
        (await runCli(["verify"], killEnv)).code,
        0,
        "a killed import leaves a verifiable archive",
      );

      const rerun = await runCli(["import-ota", DEMO], killEnv);
      assert.equal(rerun.code, 0, rerun.stderr);
      const full = JSON.parse((await runCli(["stats", "--json"], killEnv)).stdout) as { snapshots: number };
      assert.equal(full.snapshots, 99);
      assert.equal((await runCli(["verify"], killEnv)).code, 0);
    } finally {
      await rm(killedDir, { recursive: true, force: true });
    }
  });
});
