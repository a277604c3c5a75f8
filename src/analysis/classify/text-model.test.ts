import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readClaudette } from "./claudette-corpus.js";
import { TextModel } from "./text-model.js";
import { type Example, type TrainConfig, trainTextModel } from "./train-text-model.js";

const docs = readClaudette(new URL("./fixtures/claudette-mini", import.meta.url).pathname);

// A separable problem on real sentences: "liability" = the sentence speaks of liability or being liable.
const LIABLE = /\bliab/i;
function examplesOf(names: string[]): Example[] {
  return docs
    .filter((d) => names.includes(d.name))
    .flatMap((d) =>
      d.sentences.map((s) => ({
        text: s.text,
        labels: LIABLE.test(s.text) ? ["liability"] : [],
        group: d.name,
      })),
    );
}

const CONFIG: TrainConfig = {
  vectorizer: { wordNgrams: [1, 2], charNgrams: null, minDf: 1, sublinearTf: true, charWeight: 1 },
  learners: ["logistic", "svm"],
  c: { logistic: 10, svm: 1 },
  classWeightPower: 1,
  folds: 2,
  minPositives: 2,
  seed: 3,
  eps: 0.01,
  maxIter: 100,
};

const train = examplesOf(["Google", "Mozilla"]);
const test = examplesOf(["Skyscanner"]);
const { model } = trainTextModel(train, CONFIG, { labels: ["liability", "never-seen"] });

describe("text model", () => {
  it("learns a separable problem and generalises to an unseen document", () => {
    // Separable: every positive scores above every negative on the training data (the threshold, tuned on
    // held-out folds, may still cost a few training errors).
    const j = model.labels.indexOf("liability");
    const score = (e: Example) => model.probabilities(model.vectorize(e.text))[j]!;
    const lowestPositive = Math.min(...train.filter((e) => e.labels.length > 0).map(score));
    const highestNegative = Math.max(...train.filter((e) => e.labels.length === 0).map(score));
    assert.ok(lowestPositive > highestNegative, `${lowestPositive} <= ${highestNegative}`);
    const trainErrors = train.filter(
      (e) => model.predict(e.text).some((p) => p.label === "liability") !== e.labels.length > 0,
    );
    assert.ok(trainErrors.length <= train.length * 0.03, `${trainErrors.length} training errors`);
    const positives = test.filter((e) => e.labels.length > 0);
    const found = positives.filter((e) => model.predict(e.text).some((p) => p.label === "liability"));
    assert.ok(positives.length >= 5);
    assert.ok(found.length / positives.length >= 0.6, `recall ${found.length}/${positives.length}`);
  });

  it("tunes a finite threshold inside (0, 1) and never predicts a label without examples", () => {
    const liability = model.scorers.find((s) => s.label === "liability")!;
    assert.ok(liability.threshold > 0 && liability.threshold < 1, String(liability.threshold));
    assert.ok(liability.heldOutF1 > 0.5);
    const unseen = model.scorers.find((s) => s.label === "never-seen")!;
    assert.equal(unseen.threshold, Number.POSITIVE_INFINITY);
    assert.ok(test.every((e) => !model.predict(e.text).some((p) => p.label === "never-seen")));
  });

  it("explains a prediction with the features that pushed it up", () => {
    const features = model.explain("Our total liability to you is limited to 100 euros.", "liability", 3);
    assert.ok(features.length > 0);
    assert.ok(features.every((f) => f.contribution > 0));
    assert.ok(
      features.some((f) => f.feature.includes("liability")),
      JSON.stringify(features),
    );
  });

  it("round-trips through JSON with the same probabilities", () => {
    const restored = TextModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    for (const e of test.slice(0, 20)) {
      const a = model.probabilities(model.vectorize(e.text));
      const b = restored.probabilities(restored.vectorize(e.text));
      a.forEach((p, j) => {
        assert.ok(Math.abs(p - b[j]!) < 1e-4);
      });
    }
    assert.deepEqual(restored.labels, model.labels);
  });

  it("is deterministic for a seed", () => {
    const again = trainTextModel(train, CONFIG, { labels: ["liability", "never-seen"] }).model;
    assert.deepEqual(again.toJSON(), model.toJSON());
  });
});
