import assert from "node:assert/strict";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { cliDataDir, ROOT, runCli } from "../helpers/cli.js";

// Eleven real versions of Signal's and Chrome's documents (Open Terms Archive contributors, see NOTICE).
const DATASET = join(ROOT, "test/fixtures/ota-mini");

interface ChangeJson {
  id: number;
  platform: string;
  termsType: string;
  date: string;
  fromVersion: number | null;
  toVersion: number;
  kind: string;
  severity: string;
  headline: string;
  counts: { added: number; removed: number; modified: number; moved: number };
  summary: string[];
  deltas: { kind: string; line: string }[];
  provisionChanges: { change: string; before: unknown; after: unknown; clauses: string[] }[];
}

describe("clausewatch changes, diff, history and recompute (real processes)", () => {
  const data = cliDataDir();
  let chrome: ChangeJson[] = [];
  before(async () => {
    const imported = await runCli(["import-ota", DATASET], data.env());
    assert.equal(imported.code, 0, imported.stderr);
  });

  it("changes --json: every version's record, oldest first, each from the version before it", async () => {
    const result = await runCli(["changes", "--platform", "chrome-and-chrome-os", "--json"], data.env());
    assert.equal(result.code, 0, result.stderr);
    chrome = JSON.parse(result.stdout) as ChangeJson[];
    assert.equal(chrome.length, 5, "one record per version of the five");
    assert.deepEqual(Object.keys(chrome[0]!).sort(), [
      "counts",
      "date",
      "deltas",
      "fromVersion",
      "headline",
      "id",
      "kind",
      "platform",
      "provisionChanges",
      "severity",
      "summary",
      "termsType",
      "toVersion",
    ]);
    assert.deepEqual(
      chrome.map((r) => r.date),
      chrome.map((r) => r.date).sort(),
    );
    assert.equal(chrome[0]!.fromVersion, null);
    chrome.slice(1).forEach((r, i) => {
      assert.equal(r.fromVersion, chrome[i]!.toVersion);
    });
    for (const r of chrome) {
      assert.ok(["substantive", "minor", "technical"].includes(r.kind));
      assert.ok(["high", "medium", "low"].includes(r.severity));
      assert.ok(r.summary.length > 0 && r.summary.every((line) => line.trim().length > 0));
      for (const c of r.provisionChanges)
        assert.ok(["added", "removed", "modified", "moved"].includes(c.change));
    }
    assert.ok(
      chrome.some((r) => r.provisionChanges.length > 0),
      "the Chrome terms did change",
    );
    const onlyTerms = await runCli(
      ["changes", "--platform", "Signal", "--type", "Terms of Use", "--json"],
      data.env(),
    );
    const signalTerms = JSON.parse(onlyTerms.stdout) as ChangeJson[];
    assert.ok(signalTerms.length > 0 && signalTerms.every((r) => r.termsType === "Terms of Service"));
  });

  it("diff: the same record as JSON, and a plain readable diff when piped", async () => {
    const last = chrome.at(-1)!;
    const json = await runCli(
      ["diff", String(last.fromVersion), `CW-V-${last.toVersion}`, "--json"],
      data.env(),
    );
    assert.equal(json.code, 0, json.stderr);
    const diff = JSON.parse(json.stdout) as ChangeJson & { unchanged: number };
    assert.equal(diff.kind, last.kind);
    assert.deepEqual(diff.summary, last.summary);
    assert.equal(diff.headline, last.headline);
    assert.deepEqual(diff.counts, last.counts);
    assert.deepEqual(diff.deltas, last.deltas);
    assert.equal(diff.provisionChanges.length, last.provisionChanges.length);
    const text = await runCli(["diff", String(last.fromVersion), String(last.toVersion)], data.env());
    assert.equal(text.code, 0, text.stderr);
    const [headline, verdict] = text.stdout.split("\n");
    assert.equal(headline, last.headline);
    const { added, removed, modified, moved } = last.counts;
    assert.match(
      verdict!,
      new RegExp(
        `^${last.kind} change, ${last.severity} severity: ${added} added, ${removed} removed, ${modified} modified, ${moved} moved, \\d+ unchanged$`,
      ),
    );
    assert.ok(!text.stdout.includes("\u001b["), "no colour codes when piped");
    const missing = await runCli(["diff", "1", "99999"], data.env());
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /no version 99999/);
  });

  it("history: the document's versions in order, each with its record", async () => {
    const result = await runCli(
      ["history", "--platform", "Chrome and Chrome OS", "--type", "Terms of Service"],
      data.env(),
    );
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split("\n");
    assert.match(lines[0]!, /^Chrome and Chrome OS — Terms of Service: 5 versions$/);
    const versions = lines.filter((l) => /^\d{4}-\d{2}-\d{2}T\S+ {2}CW-V-\d+/.test(l));
    assert.deepEqual(
      versions.map((l) => Number(/CW-V-(\d+)/.exec(l)![1])),
      chrome.map((r) => r.toVersion),
    );
    const unknown = await runCli(
      ["history", "--platform", "chrome-and-chrome-os", "--type", "Privacy Policy"],
      data.env(),
    );
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.stderr, /Chrome and Chrome OS has no "Privacy Policy" document/);
  });

  it("recompute --all: the same records again", async () => {
    const result = await runCli(["recompute", "--all", "--platform", "chrome-and-chrome-os"], data.env());
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /analysed 5 versions, computed 5 change records/);
    const again = await runCli(["changes", "--platform", "chrome-and-chrome-os", "--json"], data.env());
    const records = JSON.parse(again.stdout) as ChangeJson[];
    const content = (r: ChangeJson) => ({ ...r, id: 0 });
    assert.deepEqual(records.map(content), chrome.map(content));
  });
});
