import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CLAUDETTE_TAGS } from "../../knowledge/vocabulary.js";
import { CLAUDETTE_CONFIG, evalClaudette } from "./claudette.js";

const mini = new URL("../classify/fixtures/claudette-mini", import.meta.url).pathname;
// Fewer inner folds than the measured configuration: three documents cannot fill five.
const config = { ...CLAUDETTE_CONFIG, folds: 2, minPositives: 2 };

describe("evalClaudette", () => {
  it("cross-validates by document on a three-document copy and returns per-category scores", () => {
    const result = evalClaudette({ train: mini, folds: 3, config });
    assert.equal(result.n, 108 + 108 + 122);
    assert.deepEqual(Object.keys(result.perLabel).sort(), [...CLAUDETTE_TAGS].sort());
    for (const m of Object.values(result.perLabel)) {
      for (const v of [m.precision, m.recall, m.f1]) assert.ok(v >= 0 && v <= 1);
    }
    // 17 ltd tags in these files, 2 of them level 1 (fair), which the default levels leave out.
    assert.equal(result.perLabel.ltd!.support, 15);
    assert.ok(result.macroF1 >= 0 && result.macroF1 <= 1);
    assert.ok(
      result.perLabel.ltd!.recall > 0,
      "some limitation-of-liability sentence found in unseen documents",
    );
  });

  it("scores a separate test folder when given one", () => {
    const result = evalClaudette({ train: mini, test: mini, config });
    assert.equal(result.n, 338);
    // Scoring the training folder itself: every limitation-of-liability sentence was seen.
    assert.equal(result.perLabel.ltd!.recall, 1);
  });
});
