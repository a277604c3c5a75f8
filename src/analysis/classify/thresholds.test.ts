import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fitPlatt, sigmoid } from "./calibration.js";
import { tuneThreshold } from "./thresholds.js";

describe("thresholds", () => {
  it("cuts between the scores that maximise F1", () => {
    const best = tuneThreshold([0.9, 0.8, 0.7, 0.4, 0.3, 0.1], [true, true, false, true, false, false]);
    // Accepting the top four gives P 3/4, R 1 → F1 0.857, better than the top two (P 1, R 2/3 → 0.8).
    assert.ok(best.threshold > 0.3 && best.threshold < 0.4, String(best.threshold));
    assert.ok(Math.abs(best.f1 - 6 / 7) < 1e-9);
  });

  it("never predicts a label without positives", () => {
    assert.equal(tuneThreshold([0.2, 0.9], [false, false]).threshold, Number.POSITIVE_INFINITY);
  });

  it("does not cut between equal scores", () => {
    const best = tuneThreshold([0.5, 0.5, 0.1], [true, false, false]);
    assert.ok(best.threshold < 0.5 && best.threshold > 0.1);
  });

  it("calibrates margins into increasing probabilities", () => {
    const scores = [-3, -2, -1.5, -1, -0.5, 0.5, 1, 2, 0, -0.2];
    const truth = [false, false, false, false, false, true, true, true, true, false];
    const platt = fitPlatt(scores, truth);
    assert.ok(platt.a > 0);
    assert.ok(sigmoid(platt.a * 2 + platt.b) > 0.8);
    assert.ok(sigmoid(platt.a * -3 + platt.b) < 0.2);
  });
});
