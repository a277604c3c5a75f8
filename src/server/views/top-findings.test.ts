import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Polarity, Severity } from "../../model/index.js";
import type { ClauseView, ProvisionView } from "../../store/queries/index.js";
import { leadingClause, topFindings } from "./top-findings.js";

let nextId = 1;

function clause(
  type: string,
  severity: Severity,
  confidence: number,
  polarity: Polarity = "concerning",
): ClauseView {
  return {
    id: nextId++,
    provisionId: 0,
    type,
    confidence,
    polarity,
    severity,
    evidenceStart: 0,
    evidenceEnd: 1,
    source: "model",
    reasons: [],
  };
}

/** A provision as stored: its severity is that of its clear (≥ 0.5), non-protective clauses, strongest first. */
function provision(clauses: ClauseView[]): ProvisionView {
  const rank = { high: 3, medium: 2, low: 1 } as const;
  const clear = clauses.filter((c) => c.confidence >= 0.5 && c.polarity !== "protective");
  const maxSeverity = clear.reduce<Severity | null>(
    (best, c) => (best === null || rank[c.severity] > rank[best] ? c.severity : best),
    null,
  );
  const id = nextId++;
  return {
    id,
    versionId: 1,
    documentId: 1,
    index: id,
    key: `k${id}`,
    headingPath: [],
    start: 0,
    end: 1,
    text: `provision ${id}`,
    maxSeverity,
    clauses: [...clauses].sort((a, b) => rank[b.severity] - rank[a.severity] || b.confidence - a.confidence),
  };
}

describe("the findings a page leads with", () => {
  it("takes the clause that gives the provision its severity, never a protective or unclear one", () => {
    const p = provision([
      clause("data-deletion", "high", 0.9, "protective"),
      clause("sharing-affiliates", "high", 0.3),
      clause("retention-period", "medium", 0.8),
    ]);
    assert.equal(p.maxSeverity, "medium");
    assert.equal(leadingClause(p)?.type, "retention-period");
    assert.equal(leadingClause(provision([clause("x", "high", 0.4)])), undefined);
  });

  it("ranks by severity, keeps the given order within one, and names each clause type once", () => {
    const lowFirst = provision([clause("analytics", "low", 0.9)]);
    const mediumA = provision([clause("sharing-affiliates", "medium", 0.6)]);
    const highA = provision([clause("mandatory-arbitration", "high", 0.7)]);
    const highSameType = provision([clause("mandatory-arbitration", "high", 0.99)]);
    const highB = provision([clause("class-action-waiver", "high", 0.55)]);
    const unclear = provision([clause("ai-training", "high", 0.2)]);
    const found = topFindings([lowFirst, unclear, mediumA, highA, highSameType, highB]);
    assert.deepEqual(
      found.map((f) => [f.provision.id, f.clause.type]),
      [
        [highA.id, "mandatory-arbitration"],
        [highB.id, "class-action-waiver"],
        [mediumA.id, "sharing-affiliates"],
      ],
    );
    assert.deepEqual(
      topFindings([lowFirst, unclear], 3).map((f) => f.provision.id),
      [lowFirst.id],
    );
  });
});
