import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { confidenceLevel } from "./confidence.js";
import { bestSentenceBlock, sentencesCovering } from "./evidence.js";
import { decide, fusedProbability, type TypeFusion } from "./fusion.js";

const learned: TypeFusion = { model: 2, pattern: 1, hit: 1, intercept: -2, threshold: 0.5, floor: 0 };

describe("fusion", () => {
  it("fixed rule: a strong pattern decides alone, a weak one needs the model's corroboration", () => {
    assert.ok(decide({ patternWeight: 0.9, probability: 0.01, threshold: 0.4 })?.patternNeeded);
    assert.equal(decide({ patternWeight: 0.5, probability: 0.1, threshold: 0.4 }), null);
    const corroborated = decide({ patternWeight: 0.5, probability: 0.3, threshold: 0.4 });
    assert.ok(corroborated?.patternNeeded);
    const modelOnly = decide({ patternWeight: 0, probability: 0.6, threshold: 0.4 });
    assert.ok(modelOnly && !modelOnly.patternNeeded && modelOnly.modelUsed);
    assert.equal(modelOnly.confidence, 0.6);
  });

  it("learned fusion: confidence rises with either kind of evidence", () => {
    const none = fusedProbability(learned, 0.1, 0);
    assert.ok(fusedProbability(learned, 0.1, 0.8) > none);
    assert.ok(fusedProbability(learned, 0.9, 0) > none);
    const both = decide({ patternWeight: 0.8, probability: 0.99, threshold: 0.3, fusion: learned });
    assert.ok(both && !both.patternNeeded, "the model alone would have sufficed");
    assert.equal(decide({ patternWeight: 0, probability: 0.2, threshold: 0.3, fusion: learned }), null);
  });

  it("maps confidence to levels", () => {
    assert.deepEqual([0.9, 0.75, 0.6, 0.5, 0.2].map(confidenceLevel), [
      "High",
      "High",
      "Medium",
      "Medium",
      "Low",
    ]);
  });
});

describe("evidence", () => {
  const sentences = [
    { start: 0, end: 10 },
    { start: 11, end: 20 },
    { start: 21, end: 30 },
    { start: 31, end: 40 },
  ];
  it("widens a pattern hit to whole sentences", () => {
    assert.deepEqual(sentencesCovering(sentences, 12, 23), { start: 11, end: 30 });
  });
  it("keeps the best sentence and its neighbours above the threshold", () => {
    assert.deepEqual(bestSentenceBlock(sentences, [0.1, 0.6, 0.9, 0.2], 0.5), { start: 11, end: 30 });
    assert.deepEqual(bestSentenceBlock(sentences, [0.1, 0.3, 0.2, 0.2], 0.5), { start: 11, end: 20 });
  });
});
