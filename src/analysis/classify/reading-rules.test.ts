/**
 * The issue 11 reading rules with the shipped taxonomy and model: decisive wording is found whatever the model
 * says, a neutral reading of a routine type is low, a neutral reading is never high, and arbitration offered as a
 * recourse is protective.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadTaxonomy } from "../../knowledge/index.js";
import type { Classification } from "../../model/index.js";
import { segment } from "../segment/index.js";
import { type ClassifyOptions, classify } from "./classify.js";

/** The findings of the provision whose text contains `needle`, in a Markdown document. */
function findingsOn(markdown: string, needle: string, options: ClassifyOptions = {}): Classification[] {
  const provision = classify(segment(markdown), markdown, options).find((p) => p.text.includes(needle));
  assert.ok(provision, `no provision contains "${needle}"`);
  return provision.clauses;
}

const clear = (c: Classification | undefined): boolean => c !== undefined && c.confidence >= 0.5;

/** The finding of `type` on a paragraph read alone under a heading, which must be clear (shown). */
function clearFinding(heading: string, paragraph: string, type: string): Classification {
  const found = findingsOn(`# ${heading}\n\n${paragraph}\n`, paragraph.slice(0, 40)).find(
    (c) => c.type === type,
  );
  assert.ok(clear(found), JSON.stringify(found));
  return found!;
}

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

  it("reads a row of a sold-or-shared table naming advertising partners as a sale, not a row of another table", () => {
    // Badoo's privacy policy (2026): the CCPA table and its disclosures table; the same partners in both.
    const partners =
      "**Advertising Partners**<br><br>To publish third-party ads on our Apps<br><br>We share limited personal " +
      "information with advertising partners, if you provide your consent via a cookie consent banner, to show you " +
      "relevant third party ads on our App.";
    const table = (header: string, row: string) =>
      ["# Your privacy rights", "", header, header.replace(/[^|]+/g, " --- "), row, ""].join("\n");
    const sold = table(
      "| Types of Information we have Sold or Shared in the Previous 12 Months | Purpose | Categories of Third Parties |",
      `| *   Gender<br>*   Age<br>*   IP address<br>*   Coarse Location | ${partners} | Advertising Partners |`,
    );
    const sale = findingsOn(sold, "Coarse Location").find((c) => c.type === "sale-of-data");
    assert.ok(clear(sale), JSON.stringify(sale));
    assert.equal(sale?.polarity, "concerning");
    const disclosed = table(
      "| Circumstances where data may be disclosed | Disclosed data |",
      `| ${partners} | *   Gender<br>*   Age |`,
    );
    const notSale = findingsOn(disclosed, "Advertising Partners").find((c) => c.type === "sale-of-data");
    assert.ok(!notSale?.reasons.some((r) => r.name === "sold-to-column"), JSON.stringify(notSale));
    const none = table(
      "| Types of Information we have Sold or Shared in the Previous 12 Months | Categories of Third Parties |",
      "| Advertising partners, data brokers | None |",
    );
    const vetoed = findingsOn(none, "data brokers").find((c) => c.type === "sale-of-data");
    assert.ok(!vetoed?.reasons.some((r) => r.name === "sold-to-column"), JSON.stringify(vetoed));
  });
  it("reads each item of a list a liability-excluding lead-in introduces as limitation of liability", () => {
    // TikTok Terms of Service (Open Terms Archive, 2025-08-12), "Content": the items name no liability themselves
    // and the model does not see one in them; their lead-in says none of them is promised.
    const doc = [
      "# Content",
      "",
      "The content on the Platform is mostly user generated content provided by the individuals and businesses that use our Platform. In other words, TikTok is not the creator of most of the content (although sometimes we might be). Therefore, subject to any regulations or laws applicable to TikTok, TikTok does not promise that any of the content generated by users that you find on the Platform:",
      "",
      "* is accurate, complete or up-to-date;",
      "* does not infringe third party rights;",
      "* is legal; or",
      "* will not offend you.",
      "",
    ].join("\n");
    for (const item of ["does not infringe", "is legal; or"]) {
      const found = findingsOn(doc, item).find((c) => c.type === "limitation-of-liability");
      assert.ok(clear(found), `${item}: ${JSON.stringify(found)}`);
      assert.equal(found?.polarity, "concerning");
    }
  });

  it("reads READING.md's 'we use SSL to protect sensitive data' as security, not a shown sensitive-data practice", () => {
    const doc = [
      "# Security",
      "",
      "We use SSL encryption to protect sensitive data transmitted to and from our site.",
      "",
    ].join("\n");
    const found = findingsOn(doc, "SSL");
    const sensitive = found.find((c) => c.type === "sensitive-data");
    assert.ok(!sensitive || sensitive.severity === "low", JSON.stringify(sensitive));
  });
  it("reads acceptance by use as concerning, even where the model reads it neutral (Zoom), and only acceptance by use", () => {
    const zoom =
      "By accessing or downloading a Zoom application from the Apple App Store, you are agreeing to [Apple’s Licensed " +
      "Application End User License Agreement](https://www.apple.com/legal/internet-services/itunes/dev/stdeula/) " +
      "(“**Apple Terms**”). This Agreement governs if there is a conflict with the Apple Terms.";
    const evernote =
      "If you do not agree to these Terms, you do not have the right to access or use the Evernote Service.";
    const doc = ["# Terms", "", zoom, "", evernote, ""].join("\n");
    const byUse = findingsOn(doc, "Apple App Store").find((c) => c.type === "contract-by-using");
    assert.ok(clear(byUse), JSON.stringify(byUse));
    assert.equal(byUse?.polarity, "concerning");
    assert.equal(byUse?.severity, "medium");
    const refusal = findingsOn(doc, "Evernote Service").find((c) => c.type === "contract-by-using");
    assert.notEqual(refusal?.polarity, "concerning");
  });
  it("reads wording through its emphasis markers (OkCupid's terms): the pattern fires, its evidence in the source", () => {
    const doc = [
      "# Terms",
      "",
      "**_By using our Services, you accept the Terms of this Agreement._**",
      "",
    ].join("\n");
    const byUse = findingsOn(doc, "By using").find((c) => c.type === "contract-by-using");
    assert.ok(clear(byUse), JSON.stringify(byUse));
    assert.ok(
      byUse?.reasons.some((r) => r.kind === "pattern" && r.name === "by-using-you-agree"),
      JSON.stringify(byUse?.reasons),
    );
    assert.equal(doc.slice(byUse!.evidence.start, byUse!.evidence.end), byUse!.evidence.text);
  });
  it("reads 'if you do not wish to be bound…, do not use' as acceptance by use (Tinder's terms)", () => {
    const tinder =
      "Your access and use of our Services is also subject to the [**Privacy Policy**](https://policies.tinder.com/privacy), " +
      "[**Cookie Policy**](https://policies.tinder.com/cookie-policy), [**Community Guidelines**](https://policies.tinder.com/community-guidelines), " +
      "and [**Safety Tips**](https://policies.tinder.com/community-resources/safety-tips), and any terms disclosed and agreed to by you when you " +
      'purchase additional features or services from Tinder ("Additional Terms Upon Purchase"), which are incorporated into this ' +
      "Agreement by reference. If you do not wish to be bound by this Agreement, do not access or use our Services.";
    assert.equal(clearFinding("Terms of Use", tinder, "contract-by-using").polarity, "concerning");
  });
  it("reads a suspension that the person's conduct may result in as enforcement for a breach (GitHub's terms)", () => {
    const github =
      "Abuse or excessively frequent requests to GitHub via the API may result in the temporary or permanent suspension " +
      "of your Account's access to the API. GitHub, in our sole discretion, will determine abuse or excessive usage of " +
      "the API. We will make a reasonable attempt to warn you via email prior to suspension.";
    const suspension = clearFinding("API Terms", github, "account-suspension");
    assert.equal(suspension.polarity, "concerning", JSON.stringify(suspension.polarityReasons));
    assert.equal(suspension.severity, "medium");
  });
  it("reads a list item that names nobody acting with whoever acts in its lead-in (Google), not a user's rule", () => {
    const google = [
      "# With domain administrators",
      "",
      "If you’re a student, or work for an organisation that uses Google services, your [domain administrator]" +
        "(https://support.google.com/a?p=privpol_admin&hl=en_GB) and resellers who manage your account will have " +
        "access to your Google Account. They may be able to:",
      "",
      "*   View statistics regarding your account, such as how many apps you install",
      "",
    ].join("\n");
    const admin = findingsOn(google, "View statistics").find(
      (c) => c.type === "sharing-institutional-clients",
    );
    assert.ok(clear(admin) && admin?.severity !== "low", JSON.stringify(admin));
    // Yahoo's terms of service (a reading-study document): the item is a rule for the user, whose lead-in names
    // the user; reading the user as its actor shows no data practice of the platform.
    const yahoo = [
      "# User content and conduct",
      "",
      "You are solely responsible for all information, data, text, software, music, sound, photographs, graphics, " +
        'video, messages, tags and other materials that you submit to the Yahoo Services ("User Content"). You agree ' +
        "not to do anything on, or submit any User Content to, the Yahoo Services that:",
      "",
      "*   collects User Content or user information, or otherwise accesses the Yahoo Services using automated means " +
        "(such as harvesting bots, robots, spiders, or scrapers) without our permission; or",
      "",
    ].join("\n");
    const shown = findingsOn(yahoo, "harvesting bots").filter((c) => clear(c) && c.severity !== "low");
    assert.deepEqual(
      shown.map((c) => c.type).filter((t) => t !== "acceptable-use"),
      [],
    );
  });
});

describe("types a type implies (knowledge: implies)", () => {
  it("reads biometric data as sensitive data too, the same way (Microsoft privacy policy, 2021-01-15)", () => {
    const paragraph =
      "Photos' facial groupings and associated data are only accessible to you within the Photos app. Microsoft does not access or use this facial data for any purpose outside the Photos app. You, and not Microsoft, are responsible for ensuring you have appropriate permissions from the people in your photos and videos to use facial grouping technology to group your photos and videos in your personal albums.";
    const biometric = clearFinding("Photos", paragraph, "biometric-data");
    const sensitive = clearFinding("Photos", paragraph, "sensitive-data");
    for (const key of ["confidence", "polarity", "severity", "evidence", "source"] as const)
      assert.deepEqual(sensitive[key], biometric[key], key);
    assert.match(sensitive.severityReasons?.at(-1) ?? "", /^implied by Biometric data/);
  });

  // Microsoft's privacy policy (2024-04-18): a clear biometric reading, and a reading of automatic collection too
  // unsure to be shown; Badoo's (2026-03-02): a clear sensitive-data reading of its own.
  const lens =
    "**Camera Features**. When you use the camera feature in Skype, you can choose to enhance your video and images with third party lens services. Lens is a feature that uses Augmented Reality (AR) to transform your selfies in a fun way, such as making you look like your favorite animal. Using the camera in Skype, you can select the lens feature that is incorporated in the Skype to transform your face and hands. Depending on which lens you choose, your video and images may be processed to extract information about the location of different areas on your face and hands. The extracted data is used for the sole purpose of applying AR effects to your face and hands. None of this data is used to personally identify you. This data is processed for the duration of the session on your device only, and then deleted immediately. This data is not sent to Skype or any third party.";
  const faceprint = [
    "For users who are California residents, the data we may collect falls within the following categories of “personal information,” as defined by the California Consumer Privacy Act (CCPA):",
    "",
    "*   E. Biometric information, such as faceprint;",
  ].join("\n");
  /** The shipped types, with biometric data also implying automatic collection. */
  const taxonomy = {
    types: loadTaxonomy().types.map((t) =>
      t.id === "biometric-data" ? { ...t, implies: [...(t.implies ?? []), "automatic-collection"] } : t,
    ),
  };

  it("lets a reading too unsure to be shown give way to the implied one", () => {
    const alone = findingsOn(`# Camera\n\n${lens}\n`, "Camera Features").find(
      (c) => c.type === "automatic-collection",
    );
    assert.ok(alone && alone.confidence < 0.5, JSON.stringify(alone));
    const clauses = findingsOn(`# Camera\n\n${lens}\n`, "Camera Features", { taxonomy });
    const biometric = clauses.find((c) => c.type === "biometric-data");
    const implied = clauses.filter((c) => c.type === "automatic-collection");
    assert.ok(biometric && biometric.confidence >= 0.5);
    assert.equal(implied.length, 1);
    assert.equal(implied[0]!.confidence, biometric.confidence);
    assert.match(implied[0]!.polarityReasons?.at(-1) ?? "", /^implied by/);
  });

  it("keeps a clear reading of the implied type's own", () => {
    const sensitive = findingsOn(`# Information\n\n${faceprint}\n`, "faceprint").filter(
      (c) => c.type === "sensitive-data",
    );
    assert.equal(sensitive.length, 1);
    assert.ok(sensitive[0]!.confidence >= 0.5);
    assert.ok(
      !sensitive[0]!.polarityReasons?.some((r) => r.startsWith("implied by")),
      JSON.stringify(sensitive),
    );
  });
});
