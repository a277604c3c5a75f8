import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { computeChangeRecord } from "./change-record.js";

/** A record over the project's own segmentation and classification (not the tests' stand-in classifier). */
function record(before: string, after: string) {
  return computeChangeRecord({ beforeText: before, afterText: after });
}

// The list item is Instagram's (Privacy Policy, 2026-05-02, Open Terms Archive contributors, ODC-By 1.0); the
// earlier side is the same item without the voice feature, as the issue describes the edit.
const CONTENT =
  "## Content you create and provide\n\n*   Content that you provide through our camera feature or your camera roll settings";

describe("clause-level deltas", () => {
  it("names a new voice/transcription practice as such, with its words and evidence offsets", () => {
    const after = `${CONTENT}, or through our voice-enabled features (including audio inputs that are transcribed into text)\n`;
    const r = record(`${CONTENT}\n`, after);
    assert.equal(r.kind, "substantive");
    const voice = r.deltas.find((d) => d.clauseType === "voice-audio-capture");
    assert.ok(voice, JSON.stringify(r.deltas));
    assert.equal(voice.kind, "clause-gained");
    assert.match(
      voice.line,
      /^Adds voice or audio capture and transcription: “.*audio inputs that are transcribed into text/,
    );
    assert.ok(voice.evidenceAfter && voice.evidenceBefore === null);
    assert.match(after.slice(voice.evidenceAfter.start, voice.evidenceAfter.end), /voice-enabled/);
    assert.ok(r.headline.startsWith("Adds voice or audio capture"));
  });

  it("says a business-transfer clause is extended to affiliates, and how many deltas follow", () => {
    const before =
      "## Business transfers\n\nIf we are involved in a merger, acquisition or sale of assets, your information may be transferred to the buyer.\n";
    const after =
      "## Business transfers\n\nIf we are involved in a merger, acquisition or sale of assets, your information may be transferred to the buyer and to our affiliates and subsidiaries.\n";
    const r = record(before, after);
    const extended = r.deltas.find((d) => d.kind === "recipients");
    assert.ok(extended, JSON.stringify(r.deltas));
    assert.equal(extended.direction, "broadens");
    assert.match(extended.line, /^Extends business transfer to affiliates/);
    assert.match(after.slice(extended.evidenceAfter!.start, extended.evidenceAfter!.end), /affiliates/i);
    assert.equal(r.headline, `${r.deltas[0]!.line} and ${r.deltas.length - 1} more`);
  });

  it("reads a retention period before and after, and which way it moved", () => {
    const r = record(
      "## Retention\n\nWe retain server logs for 30 days and then delete them.\n",
      "## Retention\n\nWe retain server logs for 13 months and then delete them.\n",
    );
    const retention = r.deltas.find((d) => d.kind === "retention");
    assert.ok(retention, JSON.stringify(r.deltas));
    assert.deepEqual([retention.before, retention.after], [["for 30 days"], ["for 13 months"]]);
    assert.equal(retention.direction, "broadens");
    assert.match(retention.line, /for 30 days → for 13 months/);
  });

  it("does not say weakens or removes for a one-word rewording: minor, reworded (one word)", () => {
    const text = (word: string) =>
      `## Your rights\n\nYou have the right to correct your personal data. If you would like more ${word} about how to do this, please contact us.\n`;
    const r = record(text("information"), text("details"));
    assert.equal(r.kind, "minor");
    assert.deepEqual(r.deltas, []);
    assert.ok(
      r.summary.some((l) => /^Reworded \(one word\): “information” → “details”/.test(l)),
      r.summary.join("\n"),
    );
    // A negation is never a mere rewording.
    const negated = record(
      "## Sale\n\nWe sell your personal data to advertisers.\n",
      "## Sale\n\nWe do not sell your personal data to advertisers.\n",
    );
    assert.equal(negated.kind, "substantive");
  });
});

describe("noise: date stamps, statistics", () => {
  it("a date stamp's reworded keyword or a footnote artefact in a date is minor", () => {
    const body = "\n\nWe collect the personal data you give us when you create an account.\n";
    const reworded = record(`Last modified: 31 March 2026${body}`, `Last updated: 31 March 2026${body}`);
    assert.equal(reworded.kind, "minor", reworded.summary.join("\n"));
    const footnote = record(`Effective [1] May 2026${body}`, `Effective 5 May 2026${body}`);
    assert.equal(footnote.kind, "minor", footnote.summary.join("\n"));
    assert.match(footnote.headline, /date stamp/);
  });

  it("updated figures of a metrics table are minor, a changed duration in a table is not", () => {
    const table = (deleted: string, days: string) =>
      `## Privacy request metrics\n\n| Request | Received | Median days |\n| --- | --- | --- |\n| Request to Delete | ${deleted} | ${days} |\n`;
    const figures = record(table("8,260,593", "15.5 days"), table("9,102,377", "15.47 days"));
    assert.equal(figures.kind, "minor", figures.summary.join("\n"));
    assert.ok(figures.summary.some((l) => l.startsWith("Updated figures of statistics")));
    const terms = (days: string) =>
      `## Retention\n\n| Data | Kept for |\n| --- | --- |\n| Server logs | ${days} |\n`;
    assert.equal(record(terms("30 days"), terms("90 days")).kind, "substantive");
  });
});
