import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { segment } from "../segment/index.js";
import {
  extractEntities,
  findDates,
  findEmails,
  findRetentionPeriods,
  findThirdParties,
  KNOWN_THIRD_PARTIES,
  lookupThirdParty,
  parseDate,
  sentences,
} from "./index.js";

const fixture = (name: string): string =>
  readFileSync(new URL(`../segment/fixtures/${name}`, import.meta.url), "utf8");
const EDX = fixture("edx-privacy-policy-2023-06-15.md");
const FCC = fixture("freecodecamp-privacy-qa-2025-02-18.md");
const HF = fixture("ota-hugging-face-privacy-policy-2026-03-18.md");
const ATLASSIAN = fixture("ota-atlassian-privacy-policy-2026-04-21.md");

describe("extractEntities on real policies", () => {
  it("edX: privacy contact, last-updated date, retention periods, transfer countries, data categories", () => {
    const entities = extractEntities(EDX);
    assert.deepEqual(entities.emails, ["privacy@edx.org"]);
    assert.deepEqual(entities.dates[0], { kind: "updated", text: "June 15, 2023", iso: "2023-06-15" });
    assert.deepEqual(entities.retentionPeriods, [
      "for as long as your account is active",
      "for as long as needed",
      "within 30 days",
    ]);
    for (const country of [
      "Australia",
      "Canada",
      "European Economic Area",
      "Mexico",
      "South Africa",
      "United Kingdom",
      "United States",
    ]) {
      assert.ok(entities.countries.includes(country), country);
    }
    // Brazil and China are named only as places whose learners have rights, not as transfer destinations.
    assert.ok(!entities.countries.includes("Brazil"));
    for (const category of [
      "name",
      "email address",
      "IP address",
      "biometric data",
      "course progress",
      "payment information",
    ]) {
      assert.ok(entities.dataCategories.includes(category), category);
    }
    // edX names no processor: "third-party payment processor" is not a name.
    assert.deepEqual(entities.thirdParties, []);
  });

  it("freeCodeCamp: named processors in order, effective date, backup retention", () => {
    const entities = extractEntities(FCC);
    assert.deepEqual(entities.thirdParties.slice(0, 10), [
      "Amazon Web Services",
      "Microsoft Azure",
      "MongoDB",
      "DigitalOcean",
      "Akamai",
      "Stripe",
      "PayPal",
      "YouTube",
      "GitHub Sponsors",
      "Patreon",
    ]);
    for (const name of [
      "Cloudflare",
      "Netlify",
      "Auth0",
      "Google Analytics",
      "Google Ads",
      "GitHub",
      "Google",
    ]) {
      assert.ok(entities.thirdParties.includes(name), name);
    }
    assert.deepEqual(entities.emails, ["privacy@freecodecamp.org"]);
    assert.deepEqual(entities.dates[0], { kind: "effective", text: "Feb 18, 2025", iso: "2025-02-18" });
    assert.ok(entities.retentionPeriods.includes("after a few days"));
    assert.deepEqual(entities.countries, ["United States"]);
  });

  it("Hugging Face: the subprocessor list gives processors and their countries", () => {
    const entities = extractEntities(HF, segment(HF), { exclude: ["Hugging Face"] });
    for (const name of [
      "Stripe",
      "Amazon Web Services",
      "Amazon SES",
      "MongoDB",
      "Google Cloud",
      "GitHub",
      "OVHcloud",
      "Slack",
    ]) {
      assert.ok(entities.thirdParties.includes(name), name);
    }
    assert.ok(entities.countries.includes("France"));
    assert.ok(entities.countries.includes("EMEA"));
    assert.deepEqual(entities.emails, ["privacy@huggingface.co"]);
    assert.deepEqual(entities.dates[0], { kind: "effective", text: "March 28, 2023", iso: "2023-03-28" });
    // "under 13 years of age" is an age, not a retention period.
    assert.ok(!entities.retentionPeriods.some((p) => p.includes("13")));
  });

  it("Atlassian: privacy address first, the platform's own name excluded", () => {
    const entities = extractEntities(ATLASSIAN, undefined, { exclude: ["Atlassian"] });
    assert.equal(entities.emails[0], "privacy@atlassian.com");
    assert.ok(!entities.thirdParties.includes("Atlassian"));
    assert.ok(entities.countries.includes("United States"));
    // "On July 10, 2023, … entered into force": the keyword follows the date, so it is not an effective date.
    assert.deepEqual(entities.dates[0], { kind: "other", text: "July 10, 2023", iso: "2023-07-10" });
  });
});

describe("entity rules", () => {
  it("parses English date forms to ISO 8601 and refuses impossible or ambiguous ones", () => {
    assert.equal(parseDate("June 15, 2023"), "2023-06-15");
    assert.equal(parseDate("15 June 2023"), "2023-06-15");
    assert.equal(parseDate("1st of January, 2024"), "2024-01-01");
    assert.equal(parseDate("Sept. 3 2024"), "2024-09-03");
    assert.equal(parseDate("2023-06-15T10:00:00Z"), "2023-06-15");
    assert.equal(parseDate("06/30/2023"), "2023-06-30");
    assert.equal(parseDate("30.06.2023"), "2023-06-30");
    assert.equal(parseDate("October 2019"), "2019-10");
    assert.equal(parseDate("01/02/2026"), null);
    assert.equal(parseDate("February 30, 2023"), null);
    assert.equal(parseDate("no date here"), null);
  });

  it("tells effective from updated dates by the nearest keyword before them", () => {
    const dates = findDates(
      "Effective Date: March 1, 2024\n\nLast updated: 2024-02-20. Earlier: 2020-01-01.",
    );
    assert.deepEqual(
      dates.map((d) => [d.kind, d.iso]),
      [
        ["effective", "2024-03-01"],
        ["updated", "2024-02-20"],
        ["other", "2020-01-01"],
      ],
    );
  });

  it("ranks privacy addresses first and ignores images and URL-encoded prefixes", () => {
    const emails = findEmails(
      "Write to help@example.com. ![logo](logo@2x.png)\n\nFor privacy questions: legal@example.com.\n\n" +
        "[Email](mailto:%20dpo@example.com)",
    );
    assert.deepEqual(
      emails.map((e) => [e.address, e.privacyRank]),
      [
        ["dpo@example.com", 2],
        ["legal@example.com", 1],
        ["help@example.com", 0],
      ],
    );
  });

  it("keeps the most specific third-party name and respects case for ordinary words", () => {
    assert.deepEqual(findThirdParties("We use Google Analytics and Google Cloud Platform; Google ads too."), [
      "Google Analytics",
      "Google Cloud",
      "Google Ads",
    ]);
    assert.deepEqual(findThirdParties("Payments go through Stripe. Users may stripe or square their data."), [
      "Stripe",
    ]);
    assert.deepEqual(findThirdParties("Hosting by AWS; e-mail via AWS SES."), [
      "Amazon Web Services",
      "Amazon SES",
    ]);
  });

  it("reads retention periods only in sentences about keeping or deleting data", () => {
    const periods = findRetentionPeriods(
      sentences(
        "We retain logs for thirty (30) days. We keep invoices for up to 7 years. " +
          "Your account data is stored until you delete your account. " +
          "You may request a copy of data collected in the prior 12 months. " +
          "We delete data of children under 13 years of age.",
      ),
    );
    assert.deepEqual(periods, ["for thirty (30) days", "for up to 7 years", "until you delete your account"]);
  });

  it("has a well-formed curated list of about a hundred or more third parties", () => {
    assert.ok(KNOWN_THIRD_PARTIES.length >= 100);
    const strings = new Set<string>();
    for (const party of KNOWN_THIRD_PARTIES) {
      assert.ok(party.match.length > 0 && party.category.length > 0, party.name);
      for (const m of party.match) {
        const id = party.caseSensitive ? m : m.toLowerCase();
        assert.ok(!strings.has(id), `duplicate match string ${m}`);
        strings.add(id);
      }
    }
    assert.equal(lookupThirdParty("stripe")?.category, "payment");
  });
});
