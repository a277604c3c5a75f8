import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hasDate, isDateStamp, stripDates } from "./dates.js";
import { foldMinor, normalizeMinor, normalizeTechnical, stripTrackingParams } from "./normalize.js";

describe("normalizeTechnical", () => {
  it("removes Markdown syntax, link targets, images and layout whitespace", () => {
    const a =
      "## 3. **Sharing**\n\n*   We share [your data](https://x.com/a?b=1) with  partners.![logo](l.png)";
    const b = "### 4) Sharing\n\n- We share [your data](<https://y.com/other>) with partners.";
    assert.equal(normalizeTechnical(a), normalizeTechnical(b));
    assert.equal(normalizeTechnical(b), "Sharing We share your data with partners.");
  });

  it("resolves escapes, entities, HTML tags and escaped brackets in link labels", () => {
    assert.equal(normalizeTechnical("2\\. A &amp; B<br>C"), "A & B C");
    assert.equal(
      normalizeTechnical("Mail [\\[email protected\\]](https://a.b/cdn#x)."),
      "Mail [email protected].",
    );
  });

  it("keeps words and punctuation that a reader sees", () => {
    assert.notEqual(normalizeTechnical("We sell data."), normalizeTechnical("We do not sell data."));
    assert.notEqual(normalizeTechnical("within 30 days"), normalizeTechnical("within 60 days"));
    assert.equal(normalizeTechnical("snake_case stays"), "snake_case stays");
  });
});

describe("normalizeMinor", () => {
  it("folds dates, case, punctuation, typographic quotes and dashes", () => {
    assert.equal(
      normalizeMinor("Last updated: March 5, 2024 — “Terms”"),
      normalizeMinor('LAST UPDATED: 2 May 2025 - "terms"'),
    );
  });

  it("folds e-mail addresses, including Cloudflare's placeholder", () => {
    assert.equal(foldMinor("write to privacy@x.com today"), foldMinor("write to [email protected] today"));
  });

  it("folds addresses spelled out against harvesting, and an address repeated that way", () => {
    // Pinterest's terms (Open Terms Archive contributors, ODC-By 1.0): the 2024-06-19 re-extraction decoded it.
    const spelled = "send it to litigation \\[at\\] pinterest.com (litigation\\[at\\]pinterest\\[dot\\]com).";
    assert.equal(normalizeMinor(spelled), normalizeMinor("send it to litigation@pinterest.com."));
    assert.equal(foldMinor("mail privacy (at) x.com now"), foldMinor("mail privacy@x.com now"));
    assert.notEqual(normalizeMinor("send it to us at once."), normalizeMinor("send it to us@x.com."));
  });

  it("does not fold numbers that are not dates", () => {
    assert.notEqual(normalizeMinor("Keep for 30 days."), normalizeMinor("Keep for 90 days."));
  });
});

describe("dates", () => {
  it("finds the common spellings, including a space before the comma", () => {
    for (const text of [
      "January 1, 2023",
      "1st January 2023",
      "2023-01-01",
      "01/02/2023",
      "November 8 , 2022",
      "© 2024",
    ]) {
      assert.ok(hasDate(text), text);
      assert.equal(stripDates(text, "").trim(), "", text);
    }
    assert.equal(stripDates("Last updated 2024", "#"), "Last updated #");
  });

  it("tells a date stamp from a sentence that contains a date", () => {
    assert.ok(isDateStamp("Last modified: February 4th, 2026"));
    assert.ok(isDateStamp("Effective Date: 12 August 2024"));
    assert.ok(isDateStamp("Effective Date outside EEA, UK, and Switzerland: March 13, 2024"));
    assert.ok(!isDateStamp("From January 1, 2024 we will share your location with advertising partners."));
    assert.ok(!isDateStamp("No dates here"));
    assert.ok(
      !isDateStamp(
        "Version 3, effective for all users in the United Kingdom and the Isle of Man from 1 May 2024",
      ),
    );
  });
});

describe("stripTrackingParams", () => {
  it("drops campaign and click ids but keeps meaningful parameters", () => {
    assert.equal(
      stripTrackingParams("see https://a.com/p?utm_source=x&id=3&fbclid=9#top"),
      "see https://a.com/p?id=3#top",
    );
    assert.equal(stripTrackingParams("https://a.com/p?utm_medium=m"), "https://a.com/p");
  });
});
