import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EvalDataError } from "./errors.js";
import { blockHash, firstWords, readingBlocks } from "./reading-blocks.js";
import { attachLabels, type ReadingLabelLine } from "./reading-labels.js";

// Real blocks of npm's Terms of Service (bench/findings/documents/).
const TEXT = `[Disputes](#disputes)
---------------------

The law of the State of California will govern any dispute, including any legal proceedings, relating to this Agreement or your use of npm Services (a _Dispute_).

You and npm will seek injunctions related to this agreement only in state or federal court in San Francisco, California.
`;

const blocks = readingBlocks(TEXT);
const lines = (): ReadingLabelLine[] =>
  blocks.map((b) => ({
    block: b.index,
    kind: b.kind,
    sha256: blockHash(b),
    firstWords: firstWords(b.text),
    findings: b.index === 1 ? [{ type: "choice-of-law", polarity: "neutral", severity: "low" }] : [],
  }));

describe("attachLabels", () => {
  it("gives each block the findings of its line", () => {
    const { findings } = attachLabels(blocks, lines(), "npm.jsonl");
    assert.deepEqual(
      findings.map((f) => f.map((x) => x.type)),
      [[], ["choice-of-law"], []],
    );
  });

  it("refuses a label whose text hash is not its block's", () => {
    const moved = lines();
    [moved[1], moved[2]] = [
      { ...(moved[2] as ReadingLabelLine), block: 1, kind: "paragraph" },
      moved[1] as ReadingLabelLine,
    ];
    assert.throws(
      () => attachLabels(blocks, moved, "npm.jsonl"),
      (e: unknown) => {
        assert.ok(e instanceof EvalDataError);
        assert.match(e.message, /^npm\.jsonl:2: label of block 1 \("You and npm will seek/);
        return true;
      },
    );
  });

  it("refuses a missing line and findings on a heading", () => {
    assert.throws(() => attachLabels(blocks, lines().slice(1), "npm.jsonl"), /2 label lines for 3 blocks/);
    const onHeading = lines();
    onHeading[0] = { ...(onHeading[0] as ReadingLabelLine), findings: [...(onHeading[1]?.findings ?? [])] };
    assert.throws(() => attachLabels(blocks, onHeading, "npm.jsonl"), /a heading carries no findings/);
  });
});
