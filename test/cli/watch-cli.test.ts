import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cliDataDir, runCli } from "../helpers/cli.js";

describe("clausewatch watch and alerts commands (SQLite file, real processes)", () => {
  const data = cliDataDir({ CLAUSEWATCH_PUBLIC_URL: "https://cw.example" });

  it("creates, lists and removes watchlists, refuses bad ones, and delivers nothing when nothing is due", async () => {
    const env = data.env();
    const added = await runCli(
      [
        "watch",
        "add",
        "Learners",
        "--platform",
        "Coursera",
        "--clause-type",
        "sharing-institutional-clients",
        "--min-severity",
        "medium",
        "--atom",
        "--json",
      ],
      env,
    );
    assert.equal(added.code, 0, added.stderr);
    const watchlist = JSON.parse(added.stdout) as {
      id: number;
      feedUrl: string;
      filter: { platforms: string[]; minSeverity: string };
    };
    assert.deepEqual(watchlist.filter.platforms, ["coursera"]);
    assert.equal(watchlist.filter.minSeverity, "medium");
    assert.match(watchlist.feedUrl, /^https:\/\/cw\.example\/feeds\/watchlists\/[\w-]{32}\.atom$/);
    assert.match(added.stderr, /no platform "Coursera" is tracked yet/);

    const unknown = await runCli(["watch", "add", "X", "--clause-type", "no-such-type", "--atom"], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /unknown clause type: no-such-type/);
    const two = await runCli(["watch", "add", "X", "--atom", "--email", "a@b.org"], env);
    assert.match(two.stderr, /exactly one of/);
    // Refused now rather than failing at every delivery: the SSRF guard would never let it through.
    const internal = await runCli(["watch", "add", "X", "--webhook", "http://127.0.0.1:9/hook"], {
      ...env,
      CLAUSEWATCH_ALLOW_PRIVATE_NETWORK: "",
    });
    assert.equal(internal.code, 1);
    assert.match(internal.stderr, /webhook refused: .*127\.0\.0\.1.*loopback/);
    const listed = await runCli(["watch", "list", "--json"], env);
    const rows = JSON.parse(listed.stdout) as { id: number; secret?: string; alerts: { pending: number } }[];
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.secret, undefined);
    assert.equal(rows[0]?.alerts.pending, 0);

    const delivered = await runCli(["alerts", "deliver", "--json"], env);
    assert.deepEqual(JSON.parse(delivered.stdout), { delivered: 0, failed: 0, digests: 0 });

    assert.equal((await runCli(["watch", "remove", String(watchlist.id)], env)).code, 0);
    assert.equal(JSON.parse((await runCli(["watch", "list", "--json"], env)).stdout).length, 0);
  });
});
