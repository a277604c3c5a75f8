import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadTaxonomy, matchPatterns, resolvePolarity, resolveSeverity } from "../knowledge/index.js";
import type { Classification, ClassifiedProvision, Review } from "../model/index.js";
import { applyReviews } from "./apply-reviews.js";

const taxonomy = loadTaxonomy();
const OFFSET = 120;
const TEXT =
  "We share your data within our corporate group. Any dispute will be resolved by binding arbitration in California. Contact us with questions.";

function machine(type: string, sentence: string, polarity: Classification["polarity"]): Classification {
  const start = TEXT.indexOf(sentence);
  return {
    type,
    name: taxonomy.byId.get(type)!.name,
    confidence: 0.62,
    confidenceLevel: "Medium",
    polarity,
    severity: "medium",
    evidence: { start: OFFSET + start, end: OFFSET + start + sentence.length, text: sentence },
    source: "model",
    reasons: [{ kind: "feature", name: "corporate group", weight: 0.8 }],
  };
}

const AFFILIATES = machine(
  "sharing-affiliates",
  "We share your data within our corporate group.",
  "concerning",
);
const CONTACT = machine("privacy-contact", "Contact us with questions.", "protective");

const PROVISION: ClassifiedProvision = {
  index: 3,
  key: "k-1",
  headingPath: ["Sharing"],
  start: OFFSET,
  end: OFFSET + TEXT.length,
  text: TEXT,
  clauses: [AFFILIATES, CONTACT],
};

let nextId = 1;
function review(verdict: Review["verdict"], clauseType: string, extra: Partial<Review> = {}): Review {
  return {
    id: nextId++,
    provisionId: 7,
    textSha256: "h",
    clauseType,
    verdict,
    newType: null,
    polarity: null,
    reviewer: "ana",
    note: null,
    createdAt: "2025-01-01T00:00:00Z",
    ...extra,
  };
}

const typesOf = (p: ClassifiedProvision) => p.clauses.map((c) => c.type).sort();
const clauseOf = (p: ClassifiedProvision, type: string) => p.clauses.find((c) => c.type === type);

describe("applyReviews", () => {
  it("returns the provision itself when nobody reviewed it", () => {
    assert.equal(applyReviews(PROVISION, []), PROVISION);
  });

  it("reject removes the type and leaves the others as the machine found them", () => {
    const out = applyReviews(PROVISION, [review("reject", "sharing-affiliates")]);
    assert.deepEqual(typesOf(out), ["privacy-contact"]);
    assert.equal(clauseOf(out, "privacy-contact"), CONTACT);
    assert.deepEqual(PROVISION.clauses, [AFFILIATES, CONTACT], "the input is not changed");
  });

  it("confirm makes the type the reviewer's, at confidence 1, keeping the machine's reading and evidence", () => {
    const r = review("confirm", "sharing-affiliates", { note: "names the group" });
    const c = clauseOf(applyReviews(PROVISION, [r]), "sharing-affiliates")!;
    assert.equal(c.source, "reviewer");
    assert.equal(c.confidence, 1);
    assert.equal(c.confidenceLevel, "High");
    assert.equal(c.polarity, "concerning");
    assert.deepEqual(c.evidence, AFFILIATES.evidence);
    const type = taxonomy.byId.get("sharing-affiliates")!;
    assert.equal(c.severity, resolveSeverity(type, TEXT, matchPatterns(type, TEXT)).value);
    assert.deepEqual(c.reasons, [
      {
        kind: "reviewer",
        name: `review #${r.id}: confirmed sharing-affiliates by ana (names the group)`,
        weight: 1,
      },
    ]);
  });

  it("relabel replaces the type by the new one, which keeps the old one's evidence and reads its own polarity", () => {
    const out = applyReviews(PROVISION, [
      review("relabel", "sharing-affiliates", { newType: "sharing-service-providers" }),
    ]);
    assert.deepEqual(typesOf(out), ["privacy-contact", "sharing-service-providers"]);
    const c = clauseOf(out, "sharing-service-providers")!;
    assert.equal(c.source, "reviewer");
    assert.equal(c.name, taxonomy.byId.get("sharing-service-providers")!.name);
    assert.deepEqual(c.evidence, AFFILIATES.evidence);
    const type = taxonomy.byId.get("sharing-service-providers")!;
    assert.equal(
      c.polarity,
      resolvePolarity(type, AFFILIATES.evidence.text, matchPatterns(type, TEXT)).value,
    );
    assert.equal(c.polarity, "neutral", "the new type's reading, not the replaced type's");
    assert.match(c.reasons[0]!.name, /relabelled sharing-affiliates as sharing-service-providers by ana/);
  });

  it("add quotes the sentence that names the type's subject, with offsets into the version text", () => {
    const c = clauseOf(applyReviews(PROVISION, [review("add", "arbitration")]), "arbitration")!;
    const sentence = "Any dispute will be resolved by binding arbitration in California.";
    const start = OFFSET + TEXT.indexOf(sentence);
    assert.deepEqual(c.evidence, { start, end: start + sentence.length, text: sentence });
    assert.equal(c.source, "reviewer");
    assert.equal(c.confidence, 1);
    // Arbitration is concerning and high by the type's rules.
    assert.equal(c.polarity, "concerning");
    assert.equal(c.severity, "high");
  });

  it("add of a type without a subject quotes the whole provision", () => {
    assert.equal(taxonomy.byId.get("acceptable-use")!.subject, undefined);
    const c = clauseOf(applyReviews(PROVISION, [review("add", "acceptable-use")]), "acceptable-use")!;
    assert.deepEqual(c.evidence, { start: OFFSET, end: OFFSET + TEXT.length, text: TEXT });
  });

  it("the reviewer's polarity overrides the machine's and the type's, and sets the severity rules' input", () => {
    const confirmed = applyReviews(PROVISION, [
      review("confirm", "sharing-affiliates", { polarity: "concerning" }),
      review("add", "arbitration", { polarity: "protective" }),
    ]);
    assert.equal(clauseOf(confirmed, "sharing-affiliates")!.polarity, "concerning");
    const neutral = applyReviews(PROVISION, [
      review("confirm", "sharing-affiliates", { polarity: "neutral" }),
    ]);
    assert.equal(clauseOf(neutral, "sharing-affiliates")!.polarity, "neutral");
    const arbitration = clauseOf(confirmed, "arbitration")!;
    assert.equal(arbitration.polarity, "protective");
    assert.equal(arbitration.severity, "low", "a protective clause is low, as the classifier has it");
    // A later confirm without a polarity keeps the one a reviewer gave.
    const later = applyReviews(PROVISION, [
      review("add", "arbitration", { polarity: "protective" }),
      review("confirm", "arbitration"),
    ]);
    assert.equal(clauseOf(later, "arbitration")!.polarity, "protective");
    assert.equal(clauseOf(later, "arbitration")!.reasons.length, 2);
  });

  it("a later verdict overrides an earlier one", () => {
    const removed = applyReviews(PROVISION, [review("add", "arbitration"), review("reject", "arbitration")]);
    assert.deepEqual(typesOf(removed), ["privacy-contact", "sharing-affiliates"]);
    const back = applyReviews(PROVISION, [
      review("reject", "sharing-affiliates", { polarity: "concerning" }),
      review("add", "sharing-affiliates"),
    ]);
    const readded = clauseOf(back, "sharing-affiliates")!;
    assert.equal(readded.source, "reviewer");
    assert.equal(readded.reasons.length, 1, "only the verdicts since it came back decide it");
    assert.match(readded.reasons[0]!.name, /added sharing-affiliates/);
    // A chain of relabels carries the first type's evidence to the last.
    const chain = applyReviews(PROVISION, [
      review("relabel", "sharing-affiliates", { newType: "sharing-service-providers" }),
      review("relabel", "sharing-service-providers", { newType: "sale-of-data" }),
    ]);
    assert.deepEqual(typesOf(chain), ["privacy-contact", "sale-of-data"]);
    assert.deepEqual(clauseOf(chain, "sale-of-data")!.evidence, AFFILIATES.evidence);
  });
});
