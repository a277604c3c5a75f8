import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Classification, ClassifiedProvision, Grade, Polarity, Severity } from "../../model/index.js";
import { BASE_SCORE, GRADE_FORMULA, gradeDocument, gradeForScore, gradePlatform, POINTS } from "./index.js";

const TYPES = [
  "targeted-advertising",
  "sale-of-data",
  "right-deletion",
  "right-access",
  "arbitration",
  "retention-period",
];
const POLARITIES: Polarity[] = ["protective", "neutral", "concerning"];
const SEVERITIES: Severity[] = ["high", "medium", "low"];
const RANK: Record<Grade, number> = { A: 0, B: 1, C: 2, D: 3, E: 4 };

function clause(type: string, polarity: Polarity, severity: Severity, confidence = 0.9): Classification {
  return {
    type,
    name: type,
    confidence,
    confidenceLevel: "High",
    polarity,
    severity,
    evidence: { start: 0, end: 4, text: "text" },
    source: "pattern",
    reasons: [],
  };
}

function provision(index: number, clauses: Classification[]): ClassifiedProvision {
  return {
    index,
    key: `k${index}`,
    headingPath: [],
    start: index * 10,
    end: index * 10 + 4,
    text: "text",
    clauses,
  };
}

/** Deterministic pseudo-random numbers (mulberry32), so every run checks the same documents. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomDocument(next: () => number): ClassifiedProvision[] {
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const count = Math.floor(next() * 12);
  return Array.from({ length: count }, (_, i) =>
    provision(
      i,
      Array.from({ length: Math.floor(next() * 3) }, () =>
        clause(pick(TYPES), pick(POLARITIES), pick(SEVERITIES), 0.3 + next() * 0.7),
      ),
    ),
  );
}

describe("gradeDocument", () => {
  it("scores a document with nothing found at the base score, with no contributions", () => {
    const result = gradeDocument([provision(0, [])]);
    assert.deepEqual([result.score, result.grade, result.contributions], [BASE_SCORE, "C", []]);
    assert.equal(result.formula, GRADE_FORMULA);
  });

  it("adds and subtracts the documented points, once per clause type, through the strongest instance", () => {
    const result = gradeDocument([
      provision(0, [clause("right-deletion", "protective", "medium")]),
      provision(1, [clause("targeted-advertising", "concerning", "medium")]),
      provision(2, [
        clause("targeted-advertising", "concerning", "high"),
        clause("right-access", "protective", "low"),
      ]),
      provision(3, [clause("targeted-advertising", "protective", "high")]),
    ]);
    assert.equal(
      result.score,
      BASE_SCORE + POINTS.protective.medium + POINTS.concerning.high + POINTS.protective.low,
    );
    assert.deepEqual(
      result.contributions.map((c) => [c.type, c.provisionIndex, c.provisionKey, c.points]),
      [
        ["targeted-advertising", 2, "k2", -12],
        ["right-access", 2, "k2", 2],
        ["right-deletion", 0, "k0", 4],
      ],
    );
  });

  it("does not penalise repetition", () => {
    const once = gradeDocument([provision(0, [clause("arbitration", "concerning", "high")])]);
    const many = gradeDocument(
      Array.from({ length: 50 }, (_, i) => provision(i, [clause("arbitration", "concerning", "high")])),
    );
    assert.equal(many.score, once.score);
    assert.equal(many.contributions.length, 1);
    assert.equal(many.contributions[0]?.provisionIndex, 0, "the first of equal instances is linked");
  });

  it("leaves out unsure classifications unless a reviewer made them", () => {
    const unsure = clause("sale-of-data", "concerning", "high", 0.3);
    assert.equal(gradeDocument([provision(0, [unsure])]).score, BASE_SCORE);
    const reviewed: Classification = { ...unsure, source: "reviewer" };
    assert.equal(gradeDocument([provision(0, [reviewed])]).score, BASE_SCORE + POINTS.concerning.high);
  });

  it("lets a concerning reading win a tie against a protective one", () => {
    const result = gradeDocument([
      provision(0, [clause("retention-period", "protective", "low")]),
      provision(1, [clause("retention-period", "concerning", "low")]),
    ]);
    assert.equal(result.score, BASE_SCORE + POINTS.concerning.low);
  });

  it("never improves the grade when a concerning high clause is added (1,000 generated documents)", () => {
    const next = random(20240615);
    for (let n = 0; n < 1000; n++) {
      const document = randomDocument(next);
      const before = gradeDocument(document);
      for (const type of [...TYPES, "new-type"]) {
        const after = gradeDocument([
          ...document,
          provision(document.length, [clause(type, "concerning", "high")]),
        ]);
        assert.ok(after.score <= before.score, `score rose adding ${type}`);
        assert.ok(RANK[after.grade] >= RANK[before.grade], `grade improved adding ${type}`);
      }
    }
  });

  it("maps scores to grades at the published thresholds and prints them", () => {
    assert.deepEqual([100, 80, 79, 65, 64, 50, 49, 35, 34, 0].map(gradeForScore), [
      "A",
      "A",
      "B",
      "B",
      "C",
      "C",
      "D",
      "D",
      "E",
      "E",
    ]);
    for (const fragment of [
      "Score = 50",
      "high severity −12",
      "high +6",
      "below 0.5",
      "A from 80",
      "E below 35",
    ]) {
      assert.ok(GRADE_FORMULA.includes(fragment), fragment);
    }
  });

  it("keeps the score between 0 and 100", () => {
    const types = Array.from({ length: 20 }, (_, i) => `type-${i}`);
    assert.equal(
      gradeDocument([
        provision(
          0,
          types.map((t) => clause(t, "concerning", "high")),
        ),
      ]).score,
      0,
    );
    assert.equal(
      gradeDocument([
        provision(
          0,
          types.map((t) => clause(t, "protective", "high")),
        ),
      ]).score,
      100,
    );
  });
});

describe("gradePlatform", () => {
  it("counts each clause type once across the platform's documents, linked to its document", () => {
    const policy = gradeDocument([provision(0, [clause("sale-of-data", "concerning", "medium")])]);
    const terms = gradeDocument([
      provision(0, [clause("arbitration", "concerning", "high")]),
      provision(1, [clause("sale-of-data", "concerning", "high")]),
    ]);
    const platform = gradePlatform([policy, terms]);
    assert.equal(platform.score, BASE_SCORE + 2 * POINTS.concerning.high);
    assert.deepEqual(
      platform.contributions.map((c) => [c.type, c.documentIndex, c.provisionIndex]),
      [
        ["arbitration", 1, 0],
        ["sale-of-data", 1, 1],
      ],
    );
    assert.ok(platform.formula.startsWith(GRADE_FORMULA));
    assert.equal(gradePlatform([]).score, BASE_SCORE);
  });
});
