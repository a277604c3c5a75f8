import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Classification, ClassifiedProvision, Grade, Polarity, Severity } from "../../model/index.js";
import {
  GRADE_FORMULA,
  type GradeScale,
  gradeDocument,
  gradeForScore,
  gradePlatform,
  inferScale,
  POINTS,
  SCALE_POINTS,
  scaleOfTermsType,
  scoreOfPoints,
} from "./index.js";

const TYPES = [
  "targeted-advertising",
  "sale-of-data",
  "right-deletion",
  "right-access",
  "arbitration",
  "retention-period",
  "sharing-service-providers",
];
const SCALES: GradeScale[] = ["privacy", "terms"];
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
  it("grades a document with nothing found from 0 points on its scale, with no contributions", () => {
    for (const scale of SCALES) {
      const result = gradeDocument([provision(0, [])], scale);
      assert.deepEqual(
        [result.points, result.score, result.scale, result.contributions],
        [0, scoreOfPoints(0, scale), scale, []],
      );
      assert.equal(result.grade, gradeForScore(result.score));
      assert.equal(result.formula, GRADE_FORMULA);
    }
  });

  it("counts each clause type once, through its most concerning instance: an opt-out does not cancel the practice", () => {
    const result = gradeDocument(
      [
        provision(0, [clause("right-deletion", "protective", "medium")]),
        provision(1, [clause("targeted-advertising", "concerning", "medium")]),
        provision(2, [
          clause("targeted-advertising", "protective", "high"),
          clause("right-access", "protective", "low"),
        ]),
        provision(3, [clause("targeted-advertising", "concerning", "low")]),
      ],
      "privacy",
    );
    assert.equal(result.points, POINTS.concerning.medium + POINTS.protective.low + POINTS.protective.medium);
    assert.equal(result.score, scoreOfPoints(result.points, "privacy"));
    assert.deepEqual(
      result.contributions.map((c) => [c.type, c.provisionIndex, c.provisionKey, c.points]),
      [
        ["targeted-advertising", 1, "k1", -6],
        ["right-access", 2, "k2", 2],
        ["right-deletion", 0, "k0", 4],
      ],
    );
  });

  it("counts neutral practices a reader should know (medium and high), not routine ones", () => {
    const graded = (severity: Severity) =>
      gradeDocument([provision(0, [clause("sharing-service-providers", "neutral", severity)])], "privacy");
    assert.deepEqual(
      (["high", "medium", "low"] as const).map((s) => graded(s).points),
      [POINTS.neutral.high, POINTS.neutral.medium, 0],
    );
    assert.ok(POINTS.neutral.high < 0 && POINTS.neutral.medium < 0);
    assert.equal(graded("low").contributions.length, 0);
    // A protective mention of the same type does not hide the neutral practice when the practice weighs more.
    const both = gradeDocument(
      [
        provision(0, [clause("sharing-service-providers", "neutral", "high")]),
        provision(1, [clause("sharing-service-providers", "protective", "low")]),
      ],
      "privacy",
    );
    assert.equal(both.points, POINTS.neutral.high);
  });

  it("does not penalise repetition", () => {
    const once = gradeDocument([provision(0, [clause("arbitration", "concerning", "high")])], "terms");
    const many = gradeDocument(
      Array.from({ length: 50 }, (_, i) => provision(i, [clause("arbitration", "concerning", "high")])),
      "terms",
    );
    assert.equal(many.score, once.score);
    assert.equal(many.contributions.length, 1);
    assert.equal(many.contributions[0]?.provisionIndex, 0, "the first of equal instances is linked");
  });

  it("leaves out unsure classifications unless a reviewer made them", () => {
    const unsure = clause("sale-of-data", "concerning", "high", 0.3);
    assert.equal(gradeDocument([provision(0, [unsure])], "privacy").points, 0);
    const reviewed: Classification = { ...unsure, source: "reviewer" };
    assert.equal(gradeDocument([provision(0, [reviewed])], "privacy").points, POINTS.concerning.high);
  });

  it("never improves the grade when a concerning high clause is added (1,000 generated documents per scale)", () => {
    const next = random(20240615);
    for (const scale of SCALES) {
      for (let n = 0; n < 1000; n++) {
        const document = randomDocument(next);
        const before = gradeDocument(document, scale);
        for (const type of [...TYPES, "new-type"]) {
          const after = gradeDocument(
            [...document, provision(document.length, [clause(type, "concerning", "high")])],
            scale,
          );
          assert.ok(after.points <= before.points, `points rose adding ${type}`);
          assert.ok(after.score <= before.score, `score rose adding ${type}`);
          assert.ok(RANK[after.grade] >= RANK[before.grade], `grade improved adding ${type}`);
        }
      }
    }
  });
});

describe("scales", () => {
  it("map each scale's published points to the grade thresholds, monotonically, between 0 and 100", () => {
    for (const scale of SCALES) {
      const s = SCALE_POINTS[scale];
      assert.deepEqual(
        [s.zero, s.D, s.C, s.B, s.A, s.hundred].map((p) => scoreOfPoints(p, scale)),
        [0, 35, 50, 65, 80, 100],
      );
      assert.deepEqual(
        [gradeForScore(scoreOfPoints(s.A, scale)), gradeForScore(scoreOfPoints(s.A - 1, scale))],
        ["A", "B"],
      );
      assert.deepEqual([scoreOfPoints(s.zero - 500, scale), scoreOfPoints(s.hundred + 500, scale)], [0, 100]);
      let previous = -1;
      for (let points = s.zero - 10; points <= s.hundred + 10; points++) {
        const score = scoreOfPoints(points, scale);
        assert.ok(score >= previous, `${scale}: score fell at ${points} points`);
        previous = score;
      }
    }
  });

  it("grade a contract's usual clauses more leniently than the same points in a privacy document", () => {
    const contract = [
      provision(0, [clause("arbitration", "concerning", "high")]),
      provision(1, [clause("class-action-waiver", "concerning", "high")]),
      provision(2, [clause("limitation-of-liability", "concerning", "high")]),
      provision(3, [clause("unilateral-change", "concerning", "medium")]),
      provision(4, [clause("unilateral-termination", "concerning", "medium")]),
    ];
    assert.ok(gradeDocument(contract, "terms").score > gradeDocument(contract, "privacy").score);
  });

  it("are chosen from the terms type, or guessed from the clause types found", () => {
    assert.deepEqual(
      [
        "Privacy Policy",
        "Trackers Policy",
        "Cookie Policy",
        "Terms of Service",
        "Community Guidelines",
        "Developer Terms",
      ].map(scaleOfTermsType),
      ["privacy", "privacy", "privacy", "terms", "terms", "terms"],
    );
    const groups: Record<string, string> = {
      arbitration: "terms",
      "class-action-waiver": "terms",
      "sale-of-data": "sharing",
    };
    const groupOf = (t: string) => groups[t];
    const contract = [
      provision(0, [
        clause("arbitration", "concerning", "high"),
        clause("class-action-waiver", "concerning", "high"),
      ]),
      provision(1, [clause("sale-of-data", "protective", "low")]),
    ];
    assert.equal(inferScale(contract, groupOf), "terms");
    assert.equal(
      inferScale([provision(0, [clause("sale-of-data", "concerning", "high")])], groupOf),
      "privacy",
    );
    assert.equal(inferScale([provision(0, [])], groupOf), "privacy");
  });

  it("publish their points and thresholds in the formula", () => {
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
      "high severity −12",
      "neutral practice, high −4",
      "high +6",
      "below 0.5",
      "does not cancel the practice",
      `Privacy scale: A from ${SCALE_POINTS.privacy.A < 0 ? "−" : "+"}${Math.abs(SCALE_POINTS.privacy.A)} points`,
      `terms scale: A from ${SCALE_POINTS.terms.A < 0 ? "−" : "+"}${Math.abs(SCALE_POINTS.terms.A)} points`,
      "A from 80",
      "E below 35",
    ]) {
      assert.ok(GRADE_FORMULA.includes(fragment), fragment);
    }
  });
});

describe("gradePlatform", () => {
  it("is the mean of its documents' scores, listing each document's contributions", () => {
    const policy = gradeDocument([provision(0, [clause("sale-of-data", "concerning", "medium")])], "privacy");
    const terms = gradeDocument(
      [
        provision(0, [clause("arbitration", "concerning", "high")]),
        provision(1, [clause("sale-of-data", "concerning", "high")]),
      ],
      "terms",
    );
    const platform = gradePlatform([policy, terms])!;
    assert.equal(platform.score, Math.round((policy.score + terms.score) / 2));
    assert.equal(platform.grade, gradeForScore(platform.score));
    assert.deepEqual(
      platform.contributions.map((c) => [c.type, c.documentIndex, c.provisionIndex]),
      [
        ["arbitration", 1, 0],
        ["sale-of-data", 1, 1],
        ["sale-of-data", 0, 0],
      ],
    );
    assert.ok(platform.formula.startsWith(GRADE_FORMULA));
    assert.equal(gradePlatform([]), null);
  });

  it("always lies between its best and its worst document's grade (500 generated platforms)", () => {
    const next = random(7);
    for (let n = 0; n < 500; n++) {
      const documents = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
        gradeDocument(randomDocument(next), SCALES[Math.floor(next() * 2)]!),
      );
      const platform = gradePlatform(documents)!;
      const ranks = documents.map((d) => RANK[d.grade]);
      assert.ok(RANK[platform.grade] >= Math.min(...ranks) && RANK[platform.grade] <= Math.max(...ranks));
    }
  });
});
