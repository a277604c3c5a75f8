import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadTaxonomy } from "./load-taxonomy.js";
import { matchPatterns, matchSpec } from "./match-patterns.js";
import { resolvePolarity, resolveSeverity } from "./resolve-rules.js";
import type { ClauseType } from "./schema.js";

const taxonomy = loadTaxonomy();

function type(id: string): ClauseType {
  const found = taxonomy.byId.get(id);
  assert.ok(found, id);
  return found;
}

/** Polarity and severity exactly as the classifier would derive them for one provision. */
function judge(id: string, text: string) {
  const clause = type(id);
  const hits = matchPatterns(clause, text);
  assert.ok(hits.length > 0, `${id} did not fire on: ${text}`);
  return { polarity: resolvePolarity(clause, text, hits), severity: resolveSeverity(clause, text, hits) };
}

describe("matchSpec", () => {
  it("needs the companion expression and honours the veto", () => {
    const spec = { regex: "\\bsell\\b", requires: "\\bdata\\b", excludes: "\\bproducts\\b" };
    assert.deepEqual(matchSpec(spec, "We sell data."), { start: 3, end: 7 });
    assert.equal(matchSpec(spec, "We sell."), null);
    assert.equal(matchSpec(spec, "We sell data and products."), null);
  });

  it("matches case-insensitively even without flags", () => {
    assert.ok(matchSpec({ regex: "binding arbitration" }, "RESOLVED BY BINDING ARBITRATION"));
  });
});

describe("sale-of-data polarity", () => {
  it("reads 'We do not sell your personal information' as protective and low", () => {
    const { polarity, severity } = judge("sale-of-data", "We do not sell your personal information.");
    assert.equal(polarity.value, "protective");
    assert.equal(severity.value, "low");
    assert.ok(polarity.reasons.length > 0);
  });

  it("reads a curly-apostrophe denial (Discord) as protective", () => {
    assert.equal(
      judge("sale-of-data", "We don’t sell your personal information.").polarity.value,
      "protective",
    );
  });

  it("does not treat a qualified denial as protective", () => {
    const text =
      "The Company will not sell, rent or lease your Personal Information except as provided for by this Policy.";
    const { polarity, severity } = judge("sale-of-data", text);
    assert.equal(polarity.value, "neutral");
    assert.equal(severity.value, "medium");
  });

  it("reads an admitted sale as concerning and high", () => {
    const { polarity, severity } = judge(
      "sale-of-data",
      "We may sell your personal information to data brokers.",
    );
    assert.equal(polarity.value, "concerning");
    assert.equal(severity.value, "high");
  });
});

describe("unilateral-termination severity", () => {
  const lead = "We may suspend or terminate your account at any time if:";
  it("is medium when the stated reason is a legal obligation or a security issue", () => {
    for (const item of [
      "we are legally required to do so; or",
      "it is necessary to deal with a serious security issue.",
    ]) {
      const text = `${lead}\n${item}`;
      assert.equal(resolveSeverity(type("unilateral-termination"), text, []).value, "medium", item);
    }
  });

  it("stays high for any or no reason", () => {
    const text = "We may terminate your account at any time, for any or no reason, without notice.";
    assert.equal(resolveSeverity(type("unilateral-termination"), text, []).value, "high");
  });
});

describe("security-disclaimer severity", () => {
  // READING.md keeps high for front-page practices (sale, cross-site ads, biometrics, no deletion…): a bare
  // disclaimer is notable, medium, and its raise rule says why.
  it("gives a bare disclaimer medium with the reason", () => {
    const text =
      "But no security measures can be 100% effective, and we cannot guarantee the security of your information, including against unauthorized intrusions or acts by third parties.";
    const severity = judge("security-disclaimer", text).severity;
    assert.equal(severity.value, "medium");
    assert.ok(severity.reasons.length > 0);
  });

  it("keeps it medium when a standard is named", () => {
    const text =
      "We encrypt data in transit with TLS and are ISO 27001 certified, but no method of transmission over the Internet is 100% secure.";
    assert.equal(judge("security-disclaimer", text).severity.value, "medium");
  });
});

describe("sharing-institutional-clients severity", () => {
  it("stays high when an employer sees progress, even if reports are also aggregated", () => {
    const text =
      "If your employer sponsors your enrollment, it may receive aggregated reports and your individual progress, completion and grades.";
    const { severity, polarity } = judge("sharing-institutional-clients", text);
    assert.equal(severity.value, "high");
    assert.equal(polarity.value, "concerning");
    assert.ok(severity.reasons.some((reason) => /progress/.test(reason)));
  });

  it("drops to medium when only aggregate reports are shared", () => {
    const text = "Your organization can view aggregated reports about usage of the enterprise service.";
    assert.equal(judge("sharing-institutional-clients", text).severity.value, "medium");
  });
});

describe("rules on other types", () => {
  it("reads a Do Not Track refusal (Netflix) as concerning and a GPC commitment (Badoo) as protective", () => {
    assert.equal(
      judge("do-not-track-gpc", 'We do not currently respond to web browser “do not track" signals.').polarity
        .value,
      "concerning",
    );
    const gpc =
      "We will process the GPC signal as a request to opt-out of the sale or sharing of your personal information.";
    assert.equal(judge("do-not-track-gpc", gpc).polarity.value, "protective");
  });

  it("reads a home-forum clause (Booking.com) as protective", () => {
    const text = "We may bring legal action against you in the courts of the country where you live.";
    assert.equal(judge("jurisdiction", text).polarity.value, "protective");
  });

  it("reads the law of the person's own country (Pinterest, Steam) as protective and low", () => {
    for (const text of [
      "If you are a consumer in the EEA, Switzerland, or the UK, these Terms and your use of the Service shall be governed by the law of the country where you live, and any claim, dispute, or controversy arising from or in connection with or relating to these Terms, Pinterest, or the Service shall be resolved in the courts of the country where you live.",
      "This Agreement is governed by the law of the country where you have your habitual residence.",
    ]) {
      const { polarity, severity } = judge("choice-of-law", text);
      assert.equal(polarity.value, "protective", text);
      assert.equal(severity.value, "low", text);
    }
  });

  it("reads disputes sent to arbitration in the passive as its imposition (Airbnb), not an opt-out's deadline (Bumble)", () => {
    const airbnb =
      "You and Airbnb mutually agree that any dispute, claim or controversy arising out of or relating to these Terms or the applicability, breach, termination, validity, enforcement or interpretation thereof, or any use of the Airbnb Platform, Host Services, or any Content (collectively, “Disputes”) will be settled by binding individual arbitration (the “Arbitration Agreement”).";
    assert.match(judge("arbitration", airbnb).polarity.reasons[0] ?? "", /in the passive/);
    const bumble =
      "Previous or existing users who do not opt out of this updated Arbitration Agreement will be bound by this Arbitration Agreement and it shall apply to all disputes between such users and Bumble, including those arising (but not actually filed in arbitration) before the effective date of these Terms.";
    assert.deepEqual(judge("arbitration", bumble).polarity.reasons, []);
  });

  it("reads a step agreed before arbitration as the procedure's constraint (Pinterest, Zoom)", () => {
    const arbitration = type("arbitration");
    for (const text of [
      "For any dispute you have with us, you agree to first contact us and try to resolve the dispute informally.",
      "If you have a Dispute with Zoom, prior to initiating arbitration, you agree to mail an individualized request (“Pre-Arbitration Demand”) to ATTN: Litigation Department, Zoom Communications, Inc., 55 Almaden Blvd.",
    ]) {
      assert.match(resolvePolarity(arbitration, text).reasons[0] ?? "", /A step the person must take/, text);
      assert.equal(resolveSeverity(arbitration, text).value, "medium", text);
    }
  });

  it("reads the person paying their own lawyer as a constraint (Quora), not a fee the platform gives up (Yelp) or the winner recovers (Steam): terms of service, Open Terms Archive contributors, ODC-By 1.0", () => {
    const arbitration = type("arbitration");
    const quora =
      "You are responsible for your own attorneys’ fees unless the arbitration rules and/or applicable law provide otherwise.";
    assert.match(resolvePolarity(arbitration, quora).reasons[0] ?? "", /pays their own lawyer/);
    for (const text of [
      "We waive any right to seek an award of attorneys’ fees and expenses in connection with any non-frivolous arbitration between you and us.",
      "In any dispute arising out of or relating to this Agreement, your use of Steam, your account, or the Content and Services, the prevailing party will be entitled to attorneys’ fees and expenses (except arbitration -- see Section 11.C.)",
    ])
      assert.deepEqual(resolvePolarity(arbitration, text).reasons, [], text);
  });

  it("reads 'not used to train' (Apple) as protective and low", () => {
    const { polarity, severity } = judge(
      "ai-model-training",
      "Your private personal data is not used to train our foundational AI models.",
    );
    assert.equal(polarity.value, "protective");
    assert.equal(severity.value, "low");
  });

  it("leaves rights clauses protective by default", () => {
    const text =
      "You have the right to receive access to your personal information, including a copy thereof.";
    const { polarity, severity } = judge("right-access", text);
    assert.equal(polarity.value, "protective");
    assert.equal(severity.value, "low");
    assert.deepEqual(polarity.reasons, []);
  });
});

describe("polarity rules read with a list item's lead-in", () => {
  const liability = type("limitation-of-liability");
  // TikTok's terms (Open Terms Archive contributors, ODC-By 1.0): a document of the development reading set, where
  // this reading error was studied; no other document of the shared corpus lists exceptions this way.
  const leadIn =
    "Provided we have acted with professional diligence, we do not take responsibility for loss or damage caused by us, unless it is:";
  const item = "caused by our breach of these Terms; or";

  it("reads an item listing when the platform is liable after all as a protective carve-out", () => {
    assert.equal(resolvePolarity(liability, item, [], leadIn).value, "protective");
  });

  it("leaves the item alone without its lead-in, and rules not marked leadIn never read it", () => {
    assert.notEqual(resolvePolarity(liability, item).value, "protective");
    const unmarked = {
      ...liability,
      polarityRules: liability.polarityRules.map(({ leadIn: _, ...rule }) => rule),
    };
    assert.notEqual(resolvePolarity(unmarked, item, [], leadIn).value, "protective");
  });
});
