import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import { cliDataDir, runCli } from "../helpers/cli.js";

describe("watchlist names on the terminal (real processes, SQLite)", () => {
  const data = cliDataDir();

  it("watch add refuses control characters and bidi overrides, saying which", async () => {
    const env = data.env();
    const bidi = await runCli(["watch", "add", "invoice\u202Efdp.exe", "--atom"], env);
    assert.equal(bidi.code, 1);
    assert.match(bidi.stderr, /name: contains the bidirectional control U\+202E/);
    const ansi = await runCli(["watch", "add", "Mail", "--email", "dpo\u001b[2J@example.org"], env);
    assert.equal(ansi.code, 1);
    assert.match(ansi.stderr, /the target contains the control character U\+001B/);
  });

  it("watch list escapes control and bidi characters of names stored before the check", async () => {
    const env = data.env();
    assert.equal((await runCli(["watch", "add", "Learners", "--atom"], env)).code, 0);
    const db = new Database(join(data.dir(), "clausewatch.db"));
    db.prepare("update watchlists set name = ?").run("Red\u001b[31m alert\u202Etxt.exe\r\nforged line");
    db.close();
    const listed = await runCli(["watch", "list"], env);
    assert.equal(listed.code, 0, listed.stderr);
    assert.doesNotMatch(listed.stdout.trimEnd(), /[\p{Cc}\p{Bidi_Control}]/u);
    assert.match(
      listed.stdout,
      /Red\\u\{1B\}\[31m alert\\u\{202E\}txt\.exe\\u\{D\}\\u\{A\}forged line: atom/,
    );
  });
});
