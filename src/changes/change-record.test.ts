import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { computeChangeRecord, ownDateMove, shrinkWarning } from "./change-record.js";
import { InvalidProvisionsError } from "./errors.js";
import { analyzeForTest, fixture } from "./test-helpers.js";
import { countWords } from "./words.js";

const analyze = analyzeForTest;

const POLICY = `# Privacy Policy

_Last updated: June 4, 2025_

## What we collect

We collect your name, e-mail address and phone number when you create an account.

We use cookies to remember your preferences and to measure how the service is used.

## Your rights

You have the right to deletion of your personal data at any time.

We will give you 30 days' notice before material changes to this policy.

## Disputes

Any dispute will be resolved by the courts of Dublin, Ireland.
`;

describe("computeChangeRecord: edge cases", () => {
  it("first version: substantive, with the number of provisions", () => {
    const record = computeChangeRecord({ beforeText: null, afterText: POLICY, analyze });
    assert.equal(record.kind, "substantive");
    assert.deepEqual(record.summary, ["First recorded version (6 provisions)"]);
    assert.deepEqual(record.provisionChanges, []);
  });

  it("identical versions: no change, technical, said so", () => {
    const record = computeChangeRecord({ beforeText: POLICY, afterText: POLICY, analyze });
    assert.equal(record.kind, "technical");
    assert.equal(record.severity, "low");
    assert.deepEqual(record.provisionChanges, []);
    assert.match(record.summary[0]!, /identical/);
  });

  it("version vs empty: every provision removed, the lost protections weigh high", () => {
    const record = computeChangeRecord({ beforeText: POLICY, afterText: "", analyze });
    assert.equal(record.provisionChanges.length, 6);
    assert.ok(record.provisionChanges.every((c) => c.change === "removed"));
    // The date stamp is minor; the five provisions are substantive.
    assert.equal(record.provisionChanges.filter((c) => c.kind === "substantive").length, 5);
    assert.equal(record.severity, "high");
    assert.match(
      record.summary[0]!,
      /^Removes a protection \(deletion and account deletion\): “You have the right/,
    );
  });

  it("completely rewritten document: removals and additions, summary capped with a count of the rest", () => {
    const rewritten = Array.from(
      { length: 14 },
      (_, i) =>
        `Clause ${i + 1}. Users of the platform ${["must", "may", "shall"][i % 3]} observe rule ${"ABCDEFGHIJKLMN"[i]} of the community charter when posting.`,
    ).join("\n\n");
    const record = computeChangeRecord({
      beforeText: POLICY,
      afterText: rewritten,
      analyze,
      summary: { maxLines: 8 },
    });
    assert.equal(record.kind, "substantive");
    assert.equal(record.provisionChanges.filter((c) => c.change === "removed").length, 6);
    assert.equal(record.provisionChanges.filter((c) => c.change === "added").length, 14);
    assert.equal(record.summary.length, 8);
    assert.match(
      record.summary[0]!,
      /^20 provision changes \(14 added, 6 removed, 0 modified, 0 moved\), 19 substantive$/,
    );
    assert.match(record.summary[7]!, /^… and \d+ more changes$/);
  });

  it("refuses before provisions without a before text", () => {
    assert.throws(
      () => computeChangeRecord({ beforeText: null, afterText: POLICY, before: analyze(POLICY), analyze }),
      InvalidProvisionsError,
    );
  });
});

describe("computeChangeRecord: kinds", () => {
  it("all headings changed: no provision change, minor, headings named", () => {
    const renamed = POLICY.replace("## What we collect", "## Information we gather")
      .replace("## Your rights", "## Your choices")
      .replace("## Disputes", "## Resolving disagreements");
    const record = computeChangeRecord({ beforeText: POLICY, afterText: renamed, analyze });
    assert.deepEqual(record.provisionChanges, []);
    assert.equal(record.kind, "minor");
    assert.equal(record.unchanged, 6);
    assert.deepEqual(record.summary, [
      "Renames headings (3), e.g. “What we collect” → “Information we gather”",
    ]);
  });

  it("moved section: its provisions are moved, the record is minor", () => {
    const [head, rest] = POLICY.split("## What we collect");
    const [collect, tail] = rest!.split("## Your rights");
    const moved = `${head}## Your rights${tail}\n## What we collect${collect}`;
    const record = computeChangeRecord({ beforeText: POLICY, afterText: moved, analyze });
    assert.deepEqual(
      record.provisionChanges.map((c) => c.change),
      ["moved", "moved"],
    );
    assert.equal(record.kind, "minor");
    assert.deepEqual(record.summary, ["Moves 2 provisions without changing their text"]);
  });

  it("date-only change (real versions): minor, summary names the new date stamp", () => {
    const before = fixture("Proton Mail/Privacy Policy/2026-02-04T12-46-26Z.md");
    const after = fixture("Proton Mail/Privacy Policy/2026-02-05T12-44-55Z.md");
    const record = computeChangeRecord({ beforeText: before, afterText: after, analyze });
    assert.equal(record.kind, "minor");
    assert.equal(record.severity, "low");
    assert.deepEqual(record.summary, ["Updates the date stamp: “Last modified: February 4th, 2026”"]);
  });

  it("formatting-only change (real versions, link targets): technical", () => {
    const before = fixture("Firefox/Terms of Service/2025-03-01T06-06-57Z.md");
    const after = fixture("Firefox/Terms of Service/2025-03-04T06-06-11Z.md");
    const record = computeChangeRecord({ beforeText: before, afterText: after, analyze });
    assert.equal(record.kind, "technical");
    assert.equal(record.provisionChanges.length, 2);
    assert.ok(record.provisionChanges.every((c) => c.change === "modified" && c.kind === "technical"));
    assert.deepEqual(record.summary, [
      "Formatting or extraction-only changes in 2 provisions (no change in wording)",
    ]);
  });

  it("substantive change (real versions): a sensible, quoted summary line", () => {
    const before = fixture("Proton Mail/Privacy Policy/2025-09-23T06-17-26Z.md");
    const after = fixture("Proton Mail/Privacy Policy/2026-02-04T12-46-26Z.md");
    const record = computeChangeRecord({ beforeText: before, afterText: after, analyze });
    assert.equal(record.kind, "substantive");
    const substantive = record.provisionChanges.filter((c) => c.kind === "substantive");
    assert.equal(substantive.length, 1);
    assert.equal(substantive[0]!.change, "modified");
    assert.equal(
      record.summary[0],
      "Broadens sharing: now also mentions third parties (provision under “Data Proton collects from you, and how we use it”): “Third-party services may process your data to deliver images displayed on our website.”",
    );
    assert.equal(record.summary.length, 1);
  });

  it("accepts pre-classified provisions instead of analysing twice", () => {
    let calls = 0;
    const counting = (text: string) => {
      calls++;
      return analyze(text);
    };
    const changed = POLICY.replace("Dublin, Ireland", "Delaware");
    computeChangeRecord({
      beforeText: POLICY,
      afterText: changed,
      before: analyze(POLICY),
      after: analyze(changed),
      analyze: counting,
    });
    assert.equal(calls, 0);
    computeChangeRecord({ beforeText: POLICY, afterText: changed, analyze: counting });
    assert.equal(calls, 2);
  });
});

describe("computeChangeRecord: a document that mostly disappeared", () => {
  const before = fixture("WhatsApp/Privacy Policy/2020-07-29T13-32-36Z.md");
  const after = fixture("WhatsApp/Privacy Policy/2020-10-23T16-31-04Z.md");

  it("says first that most of the words are gone and that the capture may have failed", () => {
    const record = computeChangeRecord({ beforeText: before, afterText: after, analyze });
    assert.match(
      record.summary[0]!,
      /^Most of the document disappeared \(9\d% of its words; \d+ words left of [\d,]+\)/,
    );
    assert.match(record.summary[0]!, /failed capture/);
    // The removals are still listed after the warning.
    assert.ok(record.provisionChanges.some((c) => c.change === "removed"));
  });

  it("stays silent for ordinary edits, short documents and growth", () => {
    const words = (text: string) => countWords(text);
    const shortened = before.slice(0, Math.floor(before.length * 0.6));
    assert.equal(shrinkWarning(words(before), words(shortened)), null);
    assert.equal(shrinkWarning(words(POLICY), 0), null);
    assert.equal(shrinkWarning(words(after), words(before)), null);
  });

  it("uses the word counts a caller gives, as it counts them itself", () => {
    const counted = computeChangeRecord({ beforeText: before, afterText: after, analyze });
    const given = computeChangeRecord({
      beforeText: before,
      afterText: after,
      analyze,
      wordCounts: { before: countWords(before), after: countWords(after) },
    });
    assert.deepEqual(given.summary, counted.summary);
    // Counts that say nothing disappeared: no warning.
    const told = computeChangeRecord({
      beforeText: before,
      afterText: after,
      analyze,
      wordCounts: { before: 1000, after: 900 },
    });
    assert.ok(!told.summary[0]!.startsWith("Most of the document disappeared"));
  });
});

describe("computeChangeRecord: a version that returns to an earlier text", () => {
  // Real consecutive versions: the policy, a 27-byte capture of its title only, the policy again.
  const policy = fixture("Snapchat/Trackers Policy/2021-11-23T10-12-57Z.md");
  const stub = fixture("Snapchat/Trackers Policy/2022-05-09T18-39-59Z.md");
  const again = fixture("Snapchat/Trackers Policy/2022-05-10T00-40-19Z.md");
  const earlier = { versionId: 41, recordedAt: "2021-11-23T10:12:57Z" };

  it("is minor and low, names the earlier version first, and keeps what it undoes as minor changes", () => {
    assert.equal(again, policy);
    const plain = computeChangeRecord({ beforeText: stub, afterText: again, analyze });
    assert.equal(plain.kind, "substantive");
    const record = computeChangeRecord({ beforeText: stub, afterText: again, analyze, returnsTo: earlier });
    assert.equal(record.kind, "minor");
    assert.equal(record.severity, "low");
    assert.match(
      record.summary[0]!,
      /^Returns to the exact text of CW-V-41, recorded 2021-11-23 \(same SHA-256\)/,
    );
    assert.ok(
      record.summary.includes("Changes 15 provisions back to that earlier text"),
      record.summary.join("\n"),
    );
    assert.equal(record.provisionChanges.length, plain.provisionChanges.length);
    assert.ok(record.provisionChanges.every((c) => c.kind !== "substantive" && c.severity === "low"));
  });

  it("leaves a record that is already minor or technical as it was, with the line first", () => {
    const plain = computeChangeRecord({
      beforeText: stub,
      afterText: stub.replace("Cookie", "Cookies"),
      analyze,
    });
    const record = computeChangeRecord({
      beforeText: stub,
      afterText: stub.replace("Cookie", "Cookies"),
      analyze,
      returnsTo: earlier,
    });
    assert.equal(record.kind, plain.kind);
    assert.deepEqual(record.summary.slice(1), plain.summary);
  });
});

describe("computeChangeRecord: a version re-extracted from an existing capture", () => {
  const before = fixture("Proton Mail/Privacy Policy/2025-09-23T06-17-26Z.md");
  const after = fixture("Proton Mail/Privacy Policy/2026-02-04T12-46-26Z.md");

  it("says how it was made and keeps the kind and severity the text gives it", () => {
    const plain = computeChangeRecord({ beforeText: before, afterText: after, analyze });
    const record = computeChangeRecord({
      beforeText: before,
      afterText: after,
      analyze,
      reextraction: "Open Terms Archive “Refilter”",
    });
    assert.equal(record.kind, plain.kind);
    assert.equal(record.severity, plain.severity);
    assert.match(
      record.summary[0]!,
      /^Re-extracted from an existing capture \(Open Terms Archive “Refilter”\)/,
    );
    assert.deepEqual(record.summary.slice(1), plain.summary);
  });
});

describe("computeChangeRecord: a re-extraction of a capture newer than the previous version", () => {
  // iCloud's terms: the September 2023 technical upgrade re-extracted a capture taken after Apple's own
  // 18 September 2023 update; the previous version says 23 January 2023.
  const before = fixture("iCloud/Terms of Service/2023-01-24T00-34-57Z.md");
  const after = fixture("iCloud/Terms of Service/2023-09-21T09-36-11Z.md");

  it("says the document's own date moved, so the differences include the platform's edits", () => {
    const record = computeChangeRecord({
      beforeText: before,
      afterText: after,
      analyze,
      reextraction: "Open Terms Archive “Apply technical or declaration upgrade”",
    });
    assert.match(
      record.summary[0]!,
      /^Re-extracted from an existing capture \(.+\), not captured again, but the document's own date moved from 2023-01-23 to 2023-09-18: the platform published a new version/,
    );
    assert.ok(!record.summary[0]!.includes("may come from changed extraction rules"));
  });

  it("reads a date that moved forward in both texts, not one that moved back or appears only after", () => {
    assert.deepEqual(ownDateMove(before, after), { from: "2023-01-23", to: "2023-09-18" });
    assert.equal(ownDateMove(after, before), null);
    assert.equal(ownDateMove(POLICY, after), null);
  });
});

describe("computeChangeRecord: a re-extraction that changes which part of the page is extracted", () => {
  const refilter = "Open Terms Archive “Refilter”";
  const record = (beforeText: string, afterText: string, reextraction: string | null = refilter) =>
    computeChangeRecord({ beforeText, afterText, analyze, reextraction });
  // The real pipeline for real versions: whether a change is substantive depends on its clause types.
  const real = (beforeText: string, afterText: string, reextraction: string | null = refilter) =>
    computeChangeRecord({ beforeText, afterText, reextraction });

  it("only removals (WhatsApp's 2021 Refilter): technical, with a line counting what is no longer extracted", () => {
    const before = fixture("WhatsApp/Privacy Policy/2021-04-14T22-59-38Z.md");
    const after = fixture("WhatsApp/Privacy Policy/2021-04-29T12-59-10Z.md");
    assert.equal(real(before, after, null).kind, "substantive");
    const r = real(before, after);
    assert.equal(r.kind, "technical");
    assert.equal(r.severity, "low");
    assert.match(
      r.summary[1]!,
      /^The new extraction rules cover less of the page: \d+ provisions no longer extracted;/,
    );
    assert.ok(r.provisionChanges.some((c) => c.change === "removed"));
    assert.ok(r.provisionChanges.every((c) => c.kind !== "substantive"));
  });

  it("a removal beside an addition in the same place (Bumble's 2025 upgrade) is an edit: it stays substantive", () => {
    const r = real(
      fixture("Bumble/Privacy Policy/2025-05-08T18-03-28Z.md"),
      fixture("Bumble/Privacy Policy/2025-09-01T18-03-06Z.md"),
    );
    assert.equal(r.kind, "substantive");
    assert.ok(!r.summary.some((l) => l.startsWith("The new extraction rules")));
  });

  it("a window moved: blocks dropped at the start and added at the end are technical; added in the middle, not", () => {
    const [intro, ...sections] = POLICY.split(/\n(?=## )/);
    const tail = "## Contact\n\nWrite to our data protection officer in Dublin.\n";
    const moved = `${sections.slice(1).join("\n")}\n${tail}`;
    const r = record(POLICY, moved);
    assert.notEqual(r.kind, "substantive");
    assert.match(
      r.summary[1]!,
      /cover another part of the page: 1 provision newly extracted, 2 provisions no longer extracted;/,
    );
    const middle = `${intro}\n${sections[0]}\n${tail}\n${sections.slice(2).join("\n")}`;
    assert.equal(record(POLICY, middle).kind, "substantive");
  });

  it("a paragraph cut short beside the dropped part is technical; a reworded one is an edit", () => {
    const cut = POLICY.replace("before material changes to this policy.", "before").replace(
      /## Disputes[\s\S]*$/,
      "",
    );
    const r = record(POLICY, cut);
    assert.notEqual(r.kind, "substantive");
    assert.match(r.summary[1]!, /cover less of the page: 1 provision no longer extracted;/);
    const reworded = cut.replace("30 days' notice", "7 days' notice");
    assert.equal(record(POLICY, reworded).kind, "substantive");
  });
});
