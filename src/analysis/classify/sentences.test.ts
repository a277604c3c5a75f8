import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findNegatedPractice } from "./negation.js";
import { splitSentences } from "./sentences.js";

const pieces = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("sentences", () => {
  it("splits on sentence punctuation but not on abbreviations", () => {
    assert.deepEqual(
      pieces("We collect data (e.g. your name). We do not sell it!  Contact Acme Inc. at a@b.c."),
      ["We collect data (e.g. your name).", "We do not sell it!", "Contact Acme Inc. at a@b.c."],
    );
  });

  it("treats line breaks as boundaries and keeps closing quotes", () => {
    assert.deepEqual(pieces('- one\n- "two." Then U.S. law applies.'), [
      "- one",
      '- "two."',
      "Then U.S. law applies.",
    ]);
  });
});

describe("negation", () => {
  it("finds first-party negated practices", () => {
    assert.ok(findNegatedPractice("We do not sell your personal information."));
    assert.ok(findNegatedPractice("Acme and we will never share your data with advertisers."));
    assert.ok(findNegatedPractice("We don't sell your data without your consent."));
  });

  it("ignores rules imposed on users and carve-outs that take the promise back", () => {
    assert.equal(findNegatedPractice("You may not sell access to the service."), null);
    assert.equal(findNegatedPractice("We do not share your data except with our partners."), null);
    assert.equal(findNegatedPractice("We share data with partners."), null);
  });

  // Real sentences (ota-contrib, Markdown removed; none from a reading set's document).
  it("reads a denial written with a curly apostrophe (Pinterest Privacy Policy)", () => {
    assert.ok(
      findNegatedPractice(
        "Any of the categories of information listed in “We collect information in a few different ways” except for Precise location information (which we don’t collect from users in EEA, Switzerland, or the UK).",
      ),
    );
  });

  it("reads a disclaimer of a guarantee or warranty as no denial of a practice (Badoo, Lyft)", () => {
    assert.equal(
      findNegatedPractice(
        "Unfortunately, no website or Internet transmission is ever 100% secure and even we cannot guarantee that unauthorised access, hacking, data loss or other breaches will never happen.",
      ),
      null,
    );
    assert.equal(
      findNegatedPractice(
        "We do not warrant that your use of the Lyft Platform or Rideshare Services will be accurate, complete, reliable, current, secure, uninterrupted, always available, or error-free, or will meet your requirements, that any defects in the Lyft Platform will be corrected, or that the Lyft Platform is free of viruses or other harmful components.",
      ),
      null,
    );
  });
});
