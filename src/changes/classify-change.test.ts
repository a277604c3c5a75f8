import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ClassifiedProvision } from "../model/index.js";
import { classifyChange } from "./classify-change.js";
import { analyzeForTest } from "./test-helpers.js";

/** One provision, classified with the stand-in rules. */
function p(text: string): ClassifiedProvision {
  const [provision] = analyzeForTest(text);
  assert.ok(provision, `no provision in ${text}`);
  return provision;
}

describe("classifyChange: noise", () => {
  it("formatting only is technical", () => {
    const verdict = classifyChange({
      before: p("*   We use **cookies** ([details](https://a.com/x))."),
      after: p("- We use cookies ([details](https://a.com/y?z))."),
    });
    assert.equal(verdict.kind, "technical");
    assert.equal(verdict.noise, "formatting");
  });

  it("a date stamp, punctuation, case, tracking parameters and typos are minor", () => {
    const cases: [string, string, string][] = [
      ["Last updated: June 4th, 2025", "Last updated: February 4th, 2026", "date-stamp"],
      ["We don't sell data - ever.", "We don’t sell data — ever!", "typography"],
      ["See https://a.com/p?utm_source=mail for details.", "See https://a.com/p for details.", "typography"],
      ["We recieve your organisation's requests.", "We receive your organization's requests.", "typo"],
    ];
    for (const [before, after, noise] of cases) {
      const verdict = classifyChange({ before: p(before), after: p(after) });
      assert.equal(verdict.kind, "minor", before);
      assert.equal(verdict.noise, noise, before);
      assert.equal(verdict.severity, "low");
    }
  });

  it("a moved provision is minor; an added date stamp or title is minor, an added image technical", () => {
    const text = "We keep your data for one year.";
    assert.equal(classifyChange({ before: p(text), after: p(text) }).noise, "moved");
    assert.equal(
      classifyChange({ before: null, after: p("Effective Date: 12 August 2024") }).noise,
      "date-stamp",
    );
    for (const label of [
      "Table of Contents",
      "Legal terms",
      "Limitation of Liability.",
      "Your Rights Data Subject and Consumer Information Requests",
    ]) {
      assert.equal(classifyChange({ before: null, after: p(label) }).noise, "label", label);
    }
    for (const content of [
      "THE SERVICES ARE PROVIDED AS IS AND AS AVAILABLE",
      "We Do Not Sell Your Data, Ever, To Anyone.",
      "Disputes go to arbitration.",
    ]) {
      assert.equal(classifyChange({ before: null, after: p(content) }).kind, "substantive", content);
    }
    assert.equal(
      classifyChange({ before: null, after: p("Croatian Kuna | 2.00 HRK | 70.00 HRK") }).kind,
      "substantive",
    );
    const image = { ...p("placeholder"), text: "![logo](https://a.com/logo.png)" };
    assert.equal(classifyChange({ before: null, after: image }).kind, "technical");
  });
});

describe("classifyChange: severity", () => {
  it("added arbitration or sale of data weighs high", () => {
    for (const text of [
      "Any dispute will be resolved by binding arbitration, not in court.",
      "We may sell your personal information to data brokers.",
    ]) {
      const verdict = classifyChange({ before: null, after: p(text) });
      assert.equal(verdict.kind, "substantive");
      assert.equal(verdict.severity, "high", text);
    }
  });

  it("a removed user right or notice promise weighs high; a removed concerning clause low", () => {
    const right = classifyChange({ before: p("You have the right to deletion of your data."), after: null });
    assert.equal(right.severity, "high");
    assert.deepEqual(
      right.lostProtective.map((c) => c.type),
      ["right-deletion"],
    );
    const notice = classifyChange({
      before: p("We will give you 30 days' notice before material changes."),
      after: null,
    });
    assert.equal(notice.severity, "high");
    const arbitration = classifyChange({ before: p("Disputes go to binding arbitration."), after: null });
    assert.equal(arbitration.severity, "low");
  });

  it("rewording a concerning clause weighs medium; a neutral one low", () => {
    const concerning = classifyChange({
      before: p("Disputes go to binding arbitration in New York."),
      after: p("Disputes go to binding arbitration in Delaware, before a single arbitrator."),
    });
    assert.equal(concerning.severity, "medium");
    const neutral = classifyChange({
      before: p("Our offices are open from Monday to Friday."),
      after: p("Our offices are open from Monday to Saturday, except on public holidays."),
    });
    assert.equal(neutral.kind, "substantive");
    assert.equal(neutral.severity, "low");
  });

  it("a new recipient or data category in a collection provision weighs high, with the terms named", () => {
    const verdict = classifyChange({
      before: p("We collect your name and e-mail address to run the service."),
      after: p(
        "We collect your name, e-mail address and precise location and share them with advertising partners.",
      ),
    });
    assert.equal(verdict.severity, "high");
    assert.ok(verdict.termsAdded.includes("precise-location"));
    assert.ok(verdict.termsAdded.includes("advertising-partners"));
  });

  it("a generic recipient (third parties) newly named weighs medium only", () => {
    const verdict = classifyChange({
      before: p("We collect your name to run the service."),
      after: p("We collect your name to run the service and may share it with third parties."),
    });
    assert.deepEqual(verdict.termsAdded, ["third-parties"]);
    assert.equal(verdict.severity, "medium");
  });

  it("a polarity flip from protective to concerning weighs high", () => {
    const verdict = classifyChange({
      before: p("We do not sell your data."),
      after: p("We sell your data."),
    });
    assert.equal(verdict.severity, "high");
  });
});
