import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { computeChangeRecord } from "./change-record.js";
import { type FactPair, factMisses, loadFactPairs } from "./fact-check.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PAIRS = loadFactPairs(join(ROOT, "test/fixtures/changes"), ROOT);

describe("hand-checked change histories (real version pairs, facts written from their diffs)", () => {
  it("has at least 40 pairs", () => {
    assert.ok(PAIRS.length >= 40, `${PAIRS.length} pairs`);
  });

  it("names the facts of at least 95% of the pairs, with the expected kind and severity", () => {
    const failed: string[] = [];
    for (const { pair, beforeText, afterText } of PAIRS) {
      const misses = factMisses(pair, computeChangeRecord({ beforeText, afterText }));
      if (misses.length > 0) failed.push(`${pair.after}: ${misses.join("; ")}`);
    }
    const named = (PAIRS.length - failed.length) / PAIRS.length;
    assert.ok(named >= 0.95, `facts named in ${(100 * named).toFixed(1)}% of pairs:\n${failed.join("\n")}`);
  });

  it("names every fact of the re-extractions found to change no wording (none may regress)", () => {
    const file = join(ROOT, "test/fixtures/changes/reextraction-pairs.json");
    const strict = new Set((JSON.parse(readFileSync(file, "utf8")) as FactPair[]).map((p) => p.after));
    const pairs = PAIRS.filter(({ pair }) => strict.has(pair.after));
    assert.equal(pairs.length, strict.size);
    for (const { pair, beforeText, afterText } of pairs)
      assert.deepEqual(factMisses(pair, computeChangeRecord({ beforeText, afterText })), [], pair.after);
  });
});
