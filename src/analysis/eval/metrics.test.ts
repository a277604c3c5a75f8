import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { multiLabelMetrics } from "./metrics.js";

describe("multiLabelMetrics", () => {
  it("computes per-label, macro and micro scores", () => {
    const r = multiLabelMetrics(
      [["a"], ["a", "b"], ["b"], []],
      [["a"], ["a"], ["a", "b"], ["b"]],
      ["a", "b"],
    );
    // a: tp 2, fp 1, fn 0 → P 2/3, R 1, F1 0.8. b: tp 1, fp 1, fn 1 → 0.5. micro: tp 3, fp 2, fn 1 → 2/3.
    assert.ok(Math.abs(r.perLabel.a!.f1 - 0.8) < 1e-9);
    assert.ok(Math.abs(r.perLabel.b!.f1 - 0.5) < 1e-9);
    assert.ok(Math.abs(r.macroF1 - 0.65) < 1e-9);
    assert.ok(Math.abs(r.microF1 - 2 / 3) < 1e-9);
    assert.equal(r.perLabel.b!.support, 2);
    assert.equal(r.n, 4);
  });
});
