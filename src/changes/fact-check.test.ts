import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { computeChangeRecord } from "./change-record.js";
import { factMisses, loadFactPairs } from "./fact-check.js";

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
});
