import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { createApp } from "../../src/server/index.js";
import { openStore } from "../../src/store/index.js";
import { cliDataDir, runCli } from "../helpers/cli.js";

interface KeyRow {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

describe("clausewatch keys (SQLite file, real processes)", () => {
  const data = cliDataDir();

  /** Lists the watchlists over the API with `key`, against the CLI's database: the HTTP status. */
  async function useKey(key: string): Promise<number> {
    const dir = data.dir();
    const store = await openStore({ databaseUrl: `sqlite:${join(dir, "clausewatch.db")}`, dataDir: dir });
    try {
      const response = await createApp(store).request("/api/v1/watchlists", {
        headers: { authorization: `Bearer ${key}` },
      });
      return response.status;
    } finally {
      await store.close();
    }
  }

  it("issues keys shown once, lists them without the key, and revokes them at once", async () => {
    const env = data.env();
    const added = await runCli(["keys", "add", "Newsroom", "--json"], env);
    assert.equal(added.code, 0, added.stderr);
    const issued = JSON.parse(added.stdout) as KeyRow & { key: string };
    assert.match(issued.key, /^cwk_[A-Za-z0-9_-]{43}$/);
    assert.equal(issued.name, "Newsroom");

    const text = await runCli(["keys", "add", "Compliance team"], env);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /API key #2 "Compliance team" issued\. It is shown only now/);
    assert.match(text.stdout, /^cwk_[A-Za-z0-9_-]{43}$/m);
    assert.notEqual(text.stdout.match(/cwk_\S+/)?.[0], issued.key);
    assert.equal((await runCli(["keys", "add", " "], env)).code, 1);

    assert.equal(await useKey(issued.key), 200);
    const listed = await runCli(["keys", "list", "--json"], env);
    assert.equal(listed.code, 0, listed.stderr);
    assert.ok(!listed.stdout.includes(issued.key), "a listing never shows a key");
    const rows = JSON.parse(listed.stdout) as KeyRow[];
    assert.deepEqual(
      rows.map((k) => [k.id, k.name, k.lastUsedAt !== null, k.revokedAt]),
      [
        [issued.id, "Newsroom", true, null],
        [2, "Compliance team", false, null],
      ],
    );

    const revoked = await runCli(["keys", "revoke", String(issued.id)], env);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.match(revoked.stdout, new RegExp(`API key #${issued.id} revoked`));
    assert.equal(await useKey(issued.key), 401);
    const again = await runCli(["keys", "revoke", String(issued.id)], env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /no API key #1 that is not already revoked/);
    assert.equal((await runCli(["keys", "revoke", "nope"], env)).code, 1);

    const table = await runCli(["keys", "list"], env);
    assert.match(table.stdout, /#1 Newsroom: created \S+, last used \S+, revoked \S+/);
    assert.match(table.stdout, /#2 Compliance team: created \S+, last used never$/m);
  });
});
