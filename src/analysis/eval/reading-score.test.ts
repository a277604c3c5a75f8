import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Classification, ClassifiedProvision, Polarity, Severity } from "../../model/index.js";
import { type ReadingBlock, readingBlocks } from "./reading-blocks.js";
import type { LabelledDocument, ReaderFinding } from "./reading-labels.js";
import { combineScores, readingFigures, scoreDocument } from "./reading-score.js";

// Three real blocks of Open Collective's Terms of Service (bench/findings/documents/), shortened.
const TEXT = `17\\. Disclaimers
----------------

(b) Your use of our **Platform** is at your sole risk. Our **Platform** is provided "as is" and "as available" without warranties of any kind, either express or implied.

(b) **You and OFiTech agree that any dispute will be resolved solely through individual arbitration and will not be brought as a class arbitration, class action or any other type of representative proceeding.**

(d) **Any claim arising out of or related to these Terms or our Platform must be filed within one year after the claim arises; otherwise, the claim is permanently barred.**
`;

const label = (type: string, polarity: Polarity, severity: Severity): ReaderFinding => ({
  type,
  polarity,
  severity,
});

function provision(
  index: number,
  blocks: ReadingBlock[],
  clauses: Partial<Classification>[],
): ClassifiedProvision {
  const start = blocks[0]?.start ?? 0;
  const end = blocks.at(-1)?.end ?? 0;
  return {
    index,
    key: `p${index}`,
    headingPath: [],
    start,
    end,
    text: TEXT.slice(start, end),
    clauses: clauses.map((c) => ({
      type: "acceptable-use",
      name: "",
      confidence: 1,
      confidenceLevel: "High",
      polarity: "neutral",
      severity: "medium",
      evidence: { start, end, text: "" },
      source: "model",
      reasons: [],
      ...c,
    })),
  };
}

describe("scoreDocument", () => {
  const blocks = readingBlocks(TEXT);
  const [heading, disclaimer, classWaiver, timeLimit] = blocks as [
    ReadingBlock,
    ReadingBlock,
    ReadingBlock,
    ReadingBlock,
  ];
  const doc: LabelledDocument = {
    name: "open-collective-terms-of-service",
    text: TEXT,
    blocks,
    findings: [
      [],
      [label("limitation-of-liability", "concerning", "medium")],
      [label("class-action-waiver", "concerning", "high"), label("arbitration", "concerning", "high")],
      [label("claim-time-limit", "concerning", "medium")],
    ],
  };
  const provisions = [
    // Spans the heading and the disclaimer: placed on both blocks.
    provision(
      0,
      [heading, disclaimer],
      [
        { type: "limitation-of-liability", severity: "high", polarity: "concerning", confidence: 0.9 },
        { type: "security-disclaimer", severity: "medium", confidence: 0.6 },
      ],
    ),
    provision(
      1,
      [classWaiver],
      [
        { type: "class-action-waiver", severity: "high", polarity: "protective", confidence: 0.8 },
        { type: "arbitration", severity: "low", polarity: "concerning", confidence: 0.7 },
      ],
    ),
    provision(
      2,
      [timeLimit],
      [
        { type: "acceptable-use", severity: "high", polarity: "concerning", confidence: 0.95 },
        { type: "claim-time-limit", severity: "medium", polarity: "concerning", confidence: 0.4 },
      ],
    ),
  ];
  const score = scoreDocument(doc, provisions);

  it("counts what a page shows (high/medium, confidence ≥ 0.5) against the reader's blocks", () => {
    assert.deepEqual(score.counts, {
      shown: 4,
      typeRight: 2,
      high: 3,
      highDeserved: 2,
      readerLabels: 4,
      found: 3,
      polar: 2,
      polarAgree: 1,
      polarInverted: 1,
    });
    assert.deepEqual(readingFigures(score.counts), {
      precision: 0.5,
      highDeserved: 2 / 3,
      recall: 0.75,
      polarity: 0.5,
      inverted: 0.5,
    });
  });

  it("lists the cases behind the figures", () => {
    assert.deepEqual(
      score.wrongType.map((e) => e.type),
      ["security-disclaimer", "acceptable-use"],
    );
    assert.deepEqual(
      score.undeservedHigh.map((e) => [e.type, e.reader]),
      [["acceptable-use", ["claim-time-limit/concerning/medium"]]],
    );
    assert.deepEqual(
      score.polarityErrors.map((e) => [e.type, e.inverted]),
      [["class-action-waiver", true]],
    );
    assert.deepEqual(
      score.misses.map((m) => [m.block, m.type, m.found]),
      [[3, "claim-time-limit", ["acceptable-use"]]],
    );
  });

  it("adds documents' counts and gives no figure without a denominator", () => {
    const both = combineScores([score, scoreDocument(doc, [])]);
    assert.equal(both.counts.shown, 4);
    assert.equal(both.counts.readerLabels, 8);
    assert.equal(both.misses.length, 5);
    assert.equal(readingFigures(scoreDocument(doc, []).counts).precision, null);
  });
});
