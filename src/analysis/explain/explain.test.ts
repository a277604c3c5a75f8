import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { type ClauseType, loadTaxonomy } from "../../knowledge/index.js";
import type { Classification, Provision } from "../../model/index.js";
import { extractEntities } from "../entities/index.js";
import { segment } from "../segment/index.js";
import { type ExplainableClauseType, ExplainError, explain } from "./index.js";

const fixture = (name: string): string =>
  readFileSync(new URL(`../segment/fixtures/${name}`, import.meta.url), "utf8");
const EDX = fixture("edx-privacy-policy-2023-06-15.md");
const FCC = fixture("freecodecamp-privacy-qa-2025-02-18.md");

function find(provisions: Provision[], needle: string): Provision {
  const found = provisions.find((p) => p.text.includes(needle));
  assert.ok(found, needle);
  return found;
}

function classify(type: string, provision: Provision, needle: string): Classification {
  const start = provision.start + provision.text.indexOf(needle);
  return {
    type,
    name: type,
    confidence: 0.9,
    confidenceLevel: "High",
    polarity: "neutral",
    severity: "medium",
    evidence: { start, end: start + needle.length, text: needle },
    source: "pattern",
    reasons: [],
  };
}

/** A record written for the tests, shaped like the knowledge base's. */
function record(id: string, actions: string[]): ExplainableClauseType {
  return {
    id,
    name: id,
    explanation: {
      whatItIs: "{platform} says how long it keeps your data.",
      whyItMatters: "Data kept longer than needed is exposed longer.",
      consumerImpact: "Your data may outlive your use of {platform}.",
      whatYouCanDo: actions,
    },
  };
}

describe("explain", () => {
  const edxProvisions = segment(EDX);
  const edxEntities = extractEntities(EDX, edxProvisions);

  it("writes the privacy contact and the platform into the actions (edX)", () => {
    const provision = find(
      edxProvisions,
      "edX will retain your Personal Information for as long as your account is active",
    );
    const classification = classify("retention-period", provision, "for as long as your account is active");
    const result = explain(
      classification,
      record("retention-period", [
        "Ask {contact} how long {platform} keeps each kind of data.",
        "Delete what you no longer need.",
      ]),
      edxEntities,
      provision,
      { platformName: "edX" },
    );
    assert.equal(result.whatItIs, "edX says how long it keeps your data.");
    assert.equal(result.whatYouCanDo[0], "Ask privacy@edx.org how long edX keeps each kind of data.");
    assert.ok(result.specifics.includes("The provision says: “for as long as your account is active”"));
    assert.ok(
      result.specifics.includes(
        "Retention stated here: for as long as your account is active, for as long as needed and within 30 days.",
      ),
      result.specifics.join("\n"),
    );
  });

  it("adds a contact action when the record has none, and names transfer destinations (edX)", () => {
    const provision = find(
      edxProvisions,
      "We may transfer Personal Information from your location to other countries",
    );
    const result = explain(
      classify("international-transfer", provision, "We may transfer Personal Information"),
      record("international-transfer", ["Read the transfer safeguards.", "Ask for a copy of them."]),
      edxEntities,
      provision,
    );
    assert.equal(result.whatItIs, "The platform says how long it keeps your data.", "fallback, capitalised");
    assert.equal(
      result.whatYouCanDo.at(-1),
      "Questions about this clause can go to the privacy address given in the document: privacy@edx.org.",
    );
    const places = result.specifics.find((s) =>
      s.startsWith("Countries or regions named for transfer or storage:"),
    );
    assert.ok(
      places?.includes("Australia") && places.includes("South Africa") && places.includes("United States"),
    );
    assert.ok(result.specifics.includes("Contact given here: privacy@edx.org."));
  });

  it("names the processors of the provision, or those of the document when the provision names none (freeCodeCamp)", () => {
    const provisions = segment(FCC);
    const entities = extractEntities(FCC, provisions);
    const payments = find(provisions, "We use Stripe, PayPal, YouTube");
    const here = explain(
      classify("payment-processors", payments, "to process donations"),
      record("payment-processors", ["Check the processor.", "Remove stored cards."]),
      entities,
      payments,
    );
    assert.ok(
      here.specifics.includes(
        "Named in this provision: Stripe (payment), PayPal (payment), YouTube (video), GitHub Sponsors (payment), Patreon (payment) and GitHub (hosting).",
      ),
      here.specifics.join("\n"),
    );
    const donors = find(provisions, "donor information will only be used to process donations");
    const elsewhere = explain(
      classify("payment-processors", donors, "process donations"),
      record("payment-processors", ["Check the processor.", "Remove stored cards."]),
      entities,
      donors,
    );
    assert.ok(
      elsewhere.specifics.includes(
        "Named elsewhere in the document: Stripe (payment), PayPal (payment), GitHub Sponsors (payment) and Patreon (payment).",
      ),
      elsewhere.specifics.join("\n"),
    );
  });

  it("invents nothing when the document gives no specifics", () => {
    const text = "## Data\n\nWe keep your data while we need it.\n";
    const provisions = segment(text);
    const provision = provisions[0]!;
    const result = explain(
      classify("retention-period", provision, "We keep your data"),
      record("retention-period", ["Write to {contact}.", "Ask {platform}."]),
      extractEntities(text, provisions),
      provision,
    );
    assert.deepEqual(result.whatYouCanDo, ["Write to the platform's privacy contact.", "Ask the platform."]);
    assert.deepEqual(result.specifics, ["The provision says: “We keep your data”"]);
    assert.ok(!JSON.stringify(result).includes("@"));
  });

  it("refuses a record of another clause type", () => {
    const provision = edxProvisions[0]!;
    assert.throws(
      () =>
        explain(
          classify("arbitration", provision, provision.text),
          record("retention-period", []),
          edxEntities,
          provision,
        ),
      ExplainError,
    );
  });

  it("explains every clause type of the knowledge base with no placeholder left", () => {
    const taxonomy = loadTaxonomy();
    const asExplainable: ExplainableClauseType = taxonomy.types[0] as ClauseType;
    assert.ok(asExplainable.explanation.whatYouCanDo.length > 0);
    const provision = find(edxProvisions, "If you have privacy concerns");
    for (const type of taxonomy.types) {
      const result = explain(
        classify(type.id, provision, "please contact us"),
        type,
        edxEntities,
        provision,
        {
          platformName: "edX",
        },
      );
      const all = [result.whatItIs, result.whyItMatters, result.consumerImpact, ...result.whatYouCanDo].join(
        " ",
      );
      assert.doesNotMatch(all, /[{}]/, type.id);
      assert.ok(all.includes("privacy@edx.org"), `${type.id} gives the contact`);
    }
  });
});
