import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeText } from "../index.js";
import { protectionOnlyElsewhere, statesPracticeFlatly } from "./negation.js";

/** Every classification of a one-paragraph document by the shipped classifier, as `type → polarity`. */
function polarities(text: string): Map<string, string> {
  const [provision] = analyzeText(text).provisions;
  return new Map((provision?.clauses ?? []).map((c) => [c.type, c.polarity]));
}

// Sentences from the Open Terms Archive corpus (ODC-By 1.0, see NOTICE): LinkedIn's privacy policy
// (2024-09-19) and Yahoo's terms of service (2020-11-09).
const LINKEDIN_AFFILIATES =
  "We will share your personal data with our Affiliates to provide and develop our Services.";
const YAHOO_CHANGES =
  "Yahoo may update these Terms in the future for various reasons, including, to accommodate changes in the law or changes to the Yahoo Services. We will give you reasonable advance notice of any material changes before we apply them.";

describe("polarity of practices stated outright", () => {
  it("finds an outright first-party practice only where nothing protective is said", () => {
    assert.equal(statesPracticeFlatly(LINKEDIN_AFFILIATES, LINKEDIN_AFFILIATES), true);
    assert.equal(
      statesPracticeFlatly(
        "We sell your personal data to advertisers.",
        "We sell your personal data to advertisers.",
      ),
      true,
    );
    // A notice promise, a negation or a choice elsewhere in the provision leaves the model's reading alone.
    assert.equal(statesPracticeFlatly("We will give you reasonable advance notice.", YAHOO_CHANGES), false);
    assert.equal(
      statesPracticeFlatly(
        "We share it with partners.",
        "We share it with partners. You can opt out at any time.",
      ),
      false,
    );
    assert.equal(
      statesPracticeFlatly("Your data is shared with partners.", "Your data is shared with partners."),
      false,
    );
  });

  it("never reads an admission of selling or sharing as protective", () => {
    // The text model learns "sell" mostly from "we do not sell" promises: the bare admission read as protective.
    const sale = polarities("We sell your personal data to advertisers.");
    assert.equal(sale.get("sale-of-data"), "concerning");
    const affiliates = polarities(LINKEDIN_AFFILIATES);
    assert.ok(affiliates.has("sharing-affiliates"));
    assert.notEqual(affiliates.get("sharing-affiliates"), "protective");
  });

  it("still reads the promise not to sell as protective", () => {
    assert.equal(polarities("We do not sell your personal information.").get("sale-of-data"), "protective");
  });
});

// Zoom's privacy policy (2024-08-05), Open Terms Archive corpus (ODC-By 1.0): a denial and an opt-out around the
// practice, which the text model reads as protective for the whole provision.
const ZOOM_ADVERTISING =
  "Opt out of the “sale” of personal data or “sharing” of personal data for targeted advertising purposes. We do not sell your personal data in the conventional sense. However, like many companies, we may use advertising and analytics services that are intended to analyze your interactions with our website or app, based on information obtained from cookies or other trackers, including for delivering advertising to you (such as interest-based, targeted, or cross-context behavioral advertising). You can get more information and opt out of the use of cookies and other trackers on our website and app by clicking the Your Privacy Choices, also on our homepage, and setting your preferences.";

describe("a practice next to an opt-out or a denial of something else (READING.md's opt-out rule)", () => {
  it("finds protective wording only outside the practice's own sentence", () => {
    assert.equal(
      protectionOnlyElsewhere(
        "We share it with partners.",
        "We share it with partners. You can opt out at any time.",
      ),
      true,
    );
    // The limit is in the practice's own sentence, or nowhere: the model's reading stands.
    assert.equal(
      protectionOnlyElsewhere("We share it only with partners.", "We share it only with partners."),
      false,
    );
    assert.equal(
      protectionOnlyElsewhere("We delete it after 30 days.", "We delete it after 30 days."),
      false,
    );
  });

  it("keeps advertising stated beside a denial and an opt-out concerning (Zoom)", () => {
    assert.equal(polarities(ZOOM_ADVERTISING).get("targeted-advertising"), "concerning");
  });

  it("still reads the opt-out itself as protective (Zoom)", () => {
    const found = polarities(ZOOM_ADVERTISING);
    for (const type of ["right-object-opt-out", "sale-of-data"])
      if (found.has(type)) assert.equal(found.get(type), "protective", type);
  });
});

// Spotify's and Vimeo's terms (Open Terms Archive contributors, ODC-By 1.0): steps before arbitration.
describe("arbitration procedure that constrains the person (labels/GUIDELINES.md)", () => {
  it("reads a notice the person must send first as concerning, not neutral (Spotify)", () => {
    const text =
      'A party who intends to seek arbitration must first send a written notice of the Dispute ("Notice") to the other.';
    assert.equal(polarities(text).get("arbitration"), "concerning");
  });

  it("reads an informal process made a condition of arbitration as concerning and medium (Vimeo)", () => {
    const text =
      "Engaging in the informal dispute resolution conference is a condition precedent and requirement that must be fulfilled before commencing arbitration.";
    const clause = analyzeText(text).provisions[0]?.clauses.find((c) => c.type === "arbitration");
    assert.equal(clause?.polarity, "concerning");
    assert.equal(clause?.severity, "medium");
  });
});
