/** A journalist's checkpoint workflow with the real CLI: save a signed checkpoint, check it later. */
import assert from "node:assert/strict";
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { cliDataDir, ROOT, runCli } from "../helpers/cli.js";

const MINI = join(ROOT, "test/fixtures/ota-mini");
const EXTRA = join(ROOT, "test/fixtures/ota-extra");

describe("clausewatch verify with checkpoints (SQLite file, real processes)", () => {
  const data = cliDataDir();

  it("saves a signed checkpoint, proves it a prefix of the grown log, and refuses an altered one", async () => {
    const env = data.env();
    assert.equal((await runCli(["import-ota", MINI], env)).code, 0);
    const saved = join(data.dir(), "checkpoint.json");
    const first = await runCli(["verify", "--save-checkpoint", saved], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /checkpoint saved to/);
    const checkpoint = JSON.parse(await readFile(saved, "utf8")) as {
      treeSize: number;
      rootHash: string;
      signature: string;
    };
    assert.match(
      first.stdout,
      new RegExp(`log head: ${checkpoint.treeSize} entries, root ${checkpoint.rootHash}`),
    );
    // The key was made once, readable by its owner only.
    const keyFile = join(data.dir(), "keys", "checkpoint-ed25519.pem");
    assert.equal((await stat(keyFile)).mode & 0o777, 0o600);

    assert.equal((await runCli(["import-ota", EXTRA], env)).code, 0);
    const later = await runCli(["verify", "--checkpoint", saved], env);
    assert.equal(later.code, 0, later.stderr);
    assert.match(later.stdout, new RegExp(`\\(${checkpoint.treeSize} entries\\) is a prefix of today's log`));

    const altered = join(data.dir(), "altered.json");
    await writeFile(altered, JSON.stringify({ ...checkpoint, treeSize: checkpoint.treeSize - 1 }));
    const refused = await runCli(["verify", "--checkpoint", altered], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /checkpoint: the checkpoint's signature does not hold/);

    await writeFile(altered, "{ not json");
    const malformed = await runCli(["verify", "--checkpoint", altered], env);
    assert.equal(malformed.code, 1);
    assert.match(malformed.stderr, /altered\.json: the checkpoint is not JSON/);
  });
});
