/** Provisions that state no practice: fragments without a lead-in and change-log lines. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { statesNoPractice } from "./provision-hygiene.js";

describe("statesNoPractice", () => {
  it("drops a heading-like fragment unless a lead-in reads it", () => {
    assert.equal(statesNoPractice("Location: Serbia", false), true);
    assert.equal(statesNoPractice("Location: Serbia", true), false);
  });

  it("drops a title set as a plain line, without closing punctuation (Instagram privacy policy)", () => {
    assert.equal(statesNoPractice("Personalizing ads on Meta Audience Network", false), true);
    assert.equal(
      statesNoPractice(
        "Sharing information with others including law enforcement to respond to legal requests",
        false,
      ),
      true,
    );
  });

  it("keeps a punctuated sentence (Spotify), a longer unpunctuated line and a list item read with its lead-in (Instagram)", () => {
    assert.equal(
      statesNoPractice("Privacy laws give certain rights to individuals over their personal data.", false),
      false,
    );
    assert.equal(
      statesNoPractice(
        "If we cannot associate you or your device with a registered user of the Meta Products",
        false,
      ),
      false,
    );
    assert.equal(statesNoPractice("Personalizing ads on Meta Audience Network", true), false);
  });

  it("drops the dated lines of a change log, in the usual date forms", () => {
    for (const line of [
      "_March 3, 2021:_\u00a0Added Stripe and Google Ads to the list of sub-processors.",
      "* 12 May 2022 — Updated the section on cookies.",
      "2023-01-09: Clarified how long we keep backups.",
    ]) {
      assert.equal(statesNoPractice(line, true), true, line);
    }
  });

  it("keeps a dated statement that is not an edit, and practices stated in full", () => {
    assert.equal(statesNoPractice("Since July 15, 2019, we share usage data with Google Ads.", false), false);
    assert.equal(
      statesNoPractice("We added Google Ads to our sub-processors; it receives your e-mail address.", false),
      false,
    );
  });
});
