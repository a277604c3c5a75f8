import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { cliDataDir, runCli } from "../helpers/cli.js";

describe("clausewatch review (SQLite file, real processes)", () => {
  const data = cliDataDir();

  it("asks for one verdict, and exports the reviewed provisions as training labels", async () => {
    const env = data.env();
    const two = await runCli(
      ["review", "CW-P-1", "--confirm", "arbitration", "--reject", "arbitration"],
      env,
    );
    assert.equal(two.code, 1);
    assert.match(two.stderr, /exactly one of --confirm/);
    const out = join(data.dir(), "reviews.jsonl");
    const exported = await runCli(["review", "export", "--out", out], env);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /0 reviewed provisions written/);
    assert.equal(await readFile(out, "utf8"), "");
  });
});
