/** Provisions that state no practice: fragments without a lead-in and change-log lines. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { statesNoPractice } from "./provision-hygiene.js";

describe("statesNoPractice", () => {
  it("drops a heading-like fragment unless a lead-in reads it", () => {
    assert.equal(statesNoPractice("Location: Serbia", false), true);
    assert.equal(statesNoPractice("Location: Serbia", true), false);
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
