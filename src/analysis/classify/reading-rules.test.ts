/**
 * The issue 11 reading rules with the shipped taxonomy and model: decisive wording is found whatever the model
 * says, a neutral reading of a routine type is low, a neutral reading is never high, and arbitration offered as a
 * recourse is protective.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Classification } from "../../model/index.js";
import { segment } from "../segment/index.js";
import { classify } from "./classify.js";

/** The findings of the provision whose text contains `needle`, in a Markdown document. */
function findingsOn(markdown: string, needle: string): Classification[] {
  const provision = classify(segment(markdown), markdown).find((p) => p.text.includes(needle));
  assert.ok(provision, `no provision contains "${needle}"`);
  return provision.clauses;
}

const clear = (c: Classification | undefined): boolean => c !== undefined && c.confidence >= 0.5;

describe("reading rules of issue 11 (shipped taxonomy and model)", () => {
  it("finds a session replay tool and an advertising pixel named alone in a vendor list", () => {
    const doc = [
      "# Cookies",
      "",
      "We use the following third-party tools on our website:",
      "",
      "* Microsoft Clarity – [Policy](https://example.com/clarity)",
      "* Meta (Facebook) Pixel – [Policy](https://example.com/pixel)",
      "",
    ].join("\n");
    const replay = findingsOn(doc, "Clarity").find((c) => c.type === "session-replay");
    assert.ok(clear(replay), JSON.stringify(replay));
    const pixel = findingsOn(doc, "Pixel").find((c) => c.type === "targeted-advertising");
    assert.ok(clear(pixel), JSON.stringify(pixel));
  });

  it("finds arbitration and the class-action waiver announced in an opening paragraph", () => {
    const doc = [
      "# Terms of Service",
      "",
      "PLEASE READ THESE TERMS CAREFULLY. They include an agreement to arbitrate disputes individually, which " +
        "requires you to resolve disputes with us through binding arbitration rather than in court.",
      "",
    ].join("\n");
    const found = findingsOn(doc, "PLEASE READ");
    assert.ok(clear(found.find((c) => c.type === "arbitration")));
    assert.ok(clear(found.find((c) => c.type === "class-action-waiver")));
    const arbitration = found.find((c) => c.type === "arbitration")!;
    assert.equal(arbitration.polarity, "concerning");
  });

  it("finds a warranty disclaimer as limitation of liability", () => {
    const doc = [
      "# Disclaimers",
      "",
      'The Services are provided on an "as is" and "as available" basis, without warranties of any kind.',
      "",
    ].join("\n");
    const liability = findingsOn(doc, "as available").find((c) => c.type === "limitation-of-liability");
    assert.ok(clear(liability), JSON.stringify(liability));
    assert.notEqual(liability!.severity, "low");
  });

  it("reads a retention table row whose period is indefinite as concerning retention", () => {
    const doc = [
      "# Data retention",
      "",
      "| Type of data | Description | Retention period |",
      "| --- | --- | --- |",
      "| Account data | Active accounts | Indefinitely |",
      "",
    ].join("\n");
    const retention = findingsOn(doc, "Indefinitely").find((c) => c.type === "retention-period");
    assert.ok(clear(retention), JSON.stringify(retention));
    assert.equal(retention!.polarity, "concerning");
  });

  it("keeps a neutral reading of a routine type low, and never high", () => {
    const doc = [
      "# Cookies",
      "",
      "A persistent cookie remains after you close your browser and may be used by your browser on later visits.",
      "",
    ].join("\n");
    for (const c of findingsOn(doc, "persistent cookie")) {
      if (c.polarity === "neutral") assert.notEqual(c.severity, "high", c.type);
      if (c.type === "automatic-collection" && c.polarity === "neutral") assert.equal(c.severity, "low");
    }
  });

  it("keeps a generic security promise low: security measures are routine (Bumble's privacy policy)", () => {
    const doc = [
      "# Security",
      "",
      "Here at Bumble, we take all appropriate and reasonable security measures to:",
      "",
      "* help protect your information against loss, misuse, and unauthorised access or sharing",
      "",
    ].join("\n");
    const security = findingsOn(doc, "help protect your information").find(
      (c) => c.type === "security-measures",
    );
    assert.ok(clear(security), JSON.stringify(security));
    assert.equal(security!.polarity, "neutral");
    assert.equal(security!.severity, "low", JSON.stringify(security!.severityReasons));
  });

  it("finds data from other sources when partners or businesses hand the platform data about the person", () => {
    for (const [platform, text] of [
      [
        "WhatsApp",
        "**Businesses On WhatsApp**. Businesses you interact with using our Services may provide us with information about their interactions with you.",
      ],
      [
        "Binance",
        "When conducting a transaction with a third-party merchant, the merchant may provide us with personal data about you such as name, contact information, transaction information.",
      ],
    ]) {
      const doc = ["# Information we receive", "", text!, ""].join("\n");
      const found = findingsOn(doc, text!.slice(-40)).find((c) => c.type === "data-from-other-sources");
      assert.ok(clear(found), `${platform}: ${JSON.stringify(found)}`);
    }
  });

  it("reads a platform liable only for what the terms name as a concerning limit (Coinbase's terms)", () => {
    const text =
      "You agree that the liability of each of Coinbase Ireland and Coinbase Europe under this Agreement is several " +
      "and not joint, and each of Coinbase Ireland and Coinbase Europe shall be liable only for their own respective " +
      "obligations under this Agreement, and any breaches by them of those obligations. This means that each of them " +
      "are responsible to you for their own breaches of this Agreement, and not for each other’s breaches.";
    const doc = ["# Several Liability", "", text, ""].join("\n");
    const liability = findingsOn(doc, "several and not joint").find(
      (c) => c.type === "limitation-of-liability",
    );
    assert.ok(clear(liability), JSON.stringify(liability));
    assert.equal(liability!.polarity, "concerning", JSON.stringify(liability!.polarityReasons));
    assert.equal(liability!.severity, "medium");
    // The member's own liability is not the platform's limit (happn's terms).
    const member = findingsOn(
      [
        "# Liability",
        "",
        "The Member is only liable for his or her own actions and for the data that he or she publishes via the Application.",
        "",
      ].join("\n"),
      "The Member is only liable",
    ).find((c) => c.type === "limitation-of-liability");
    assert.ok(!clear(member) || member!.severity === "low", JSON.stringify(member));
  });

  it("reads arbitration offered to the person as a recourse as protective and low", () => {
    const doc = [
      "# Data Privacy Framework",
      "",
      "Under certain conditions described on the Data Privacy Framework website, you may invoke binding " +
        "arbitration when other dispute resolution procedures have been exhausted.",
      "",
    ].join("\n");
    const arbitration = findingsOn(doc, "invoke binding").find((c) => c.type === "arbitration");
    assert.ok(arbitration);
    assert.equal(arbitration.polarity, "protective");
    assert.equal(arbitration.severity, "low");
  });
});
