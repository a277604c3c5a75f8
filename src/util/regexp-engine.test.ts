/** The classifier's processes compile regular expressions once, not interpreted first and compiled again. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const classify = fileURLToPath(new URL("../analysis/classify/index.ts", import.meta.url));
const segment = fileURLToPath(new URL("../analysis/segment/index.ts", import.meta.url));
const fixture = fileURLToPath(
  new URL("../analysis/segment/fixtures/edx-privacy-policy-2023-06-15.md", import.meta.url),
);

/** V8's tier-up trace lines printed while the classifier reads a real policy twice, after it is loaded. */
function tierUpsWhileClassifying(): number {
  const script = `
    import { readFileSync } from "node:fs";
    const { classify } = await import(${JSON.stringify(classify)});
    const { segment } = await import(${JSON.stringify(segment)});
    const text = readFileSync(${JSON.stringify(fixture)}, "utf8");
    console.log("--- loaded");
    for (let i = 0; i < 2; i++) classify(segment(text), text);
  `;
  const run = spawnSync(
    process.execPath,
    ["--trace-regexp-tier-up", "--import", "tsx", "--input-type=module", "-e", script],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  assert.equal(run.status, 0, run.stderr);
  const after = run.stdout.slice(run.stdout.indexOf("--- loaded"));
  assert.ok(after.length > 0, "the script ran to its marker");
  return after.split("\n").filter((line) => line.includes("tier-up")).length;
}

describe("regular expression engine", () => {
  it("never interprets a regular expression before compiling it, once the classifier is loaded", () => {
    assert.equal(tierUpsWhileClassifying(), 0);
  });
});
