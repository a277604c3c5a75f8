import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ClassifiedProvision } from "../model/index.js";
import { classifyChange } from "./classify-change.js";
import { weighDeltas } from "./deltas.js";
import type { OutsideChange } from "./outside-text.js";
import { type AssessedChange, type SummaryOptions, summarizeChanges } from "./summarize.js";
import { analyzeForTest } from "./test-helpers.js";

function p(text: string, headingPath: string[] = []): ClassifiedProvision {
  const [provision] = analyzeForTest(text);
  assert.ok(provision);
  return { ...provision, headingPath };
}

function assessed(before: ClassifiedProvision | null, after: ClassifiedProvision | null): AssessedChange {
  const assessment = classifyChange({ before, after });
  const change = {
    change: before && after ? ("modified" as const) : after ? ("added" as const) : ("removed" as const),
    before: before?.text ?? null,
    after: after?.text ?? null,
    beforeKey: null,
    afterKey: null,
    clauses: [],
    clausesBefore: [],
    clausesAfter: [],
  };
  return { change, before, after, beforePos: -1, afterPos: -1, assessment };
}

/** The summary of some changes as a record makes it: deltas first, one-word rewordings demoted. */
function summarize(
  changes: AssessedChange[],
  outside: OutsideChange[] = [],
  options?: SummaryOptions,
): string[] {
  const { assessed: weighed, deltas } = weighDeltas(changes, 100);
  return summarizeChanges(weighed, deltas, outside, options);
}

describe("summarizeChanges", () => {
  it("names the clause types and terms gained and lost, with quotes from the text, most severe first", () => {
    const lines = summarize([
      assessed(
        p("Our offices are open on weekdays.", ["Contact"]),
        p("Our offices are open on weekdays and Saturdays.", ["Contact"]),
      ),
      assessed(null, p("We share your data with advertising partners for targeted ads.")),
      assessed(p("We will give you 30 days' notice before material changes."), null),
      assessed(p("We collect your name."), p("We collect your name and precise location.")),
    ]);
    assert.deepEqual(lines, [
      "Adds targeted advertising and ad networks (mentions advertising partners): “We share your data with advertising partners for targeted ads.”",
      "Removes a protection (policy change notification): “We will give you 30 days' notice before material changes.”",
      "Broadens data collected: now also mentions precise location (provision on personal data collected): “We collect your name and precise location.”",
      "Rewords the provision under “Contact” (minor wording: adds “and Saturdays”)",
    ]);
  });

  it("reports small rewordings of a concerning clause as minor wording", () => {
    const [line] = summarize([
      assessed(
        p("Disputes go to binding arbitration in New York."),
        p("Disputes go to binding arbitration in Delaware."),
      ),
    ]);
    assert.equal(
      line,
      "Rewords the provision on mandatory arbitration (minor wording: “New York” → “Delaware”)",
    );
  });

  it("groups noise into one line per kind and caps the lines with a count of the rest", () => {
    const noise = [
      assessed(p("Last updated: June 4, 2025"), p("Last updated: May 2, 2026")),
      assessed(p("We recieve requests by mail."), p("We receive requests by mail.")),
      assessed(p("We **keep** data for a year."), p("We keep data for a year.")),
    ];
    assert.deepEqual(summarize(noise), [
      "Updates the date stamp: “Last updated: May 2, 2026”",
      "Minor edits (typos, punctuation, capitalisation, renumbering) in 1 place",
      "Formatting or extraction-only changes in 1 provision (no change in wording)",
    ]);
    const many = Array.from({ length: 6 }, (_, i) =>
      assessed(null, p(`New rule number ${i} applies to every member of the forum.`)),
    );
    const capped = summarize([...many, ...noise], [], { maxLines: 4 });
    assert.equal(capped.length, 4);
    assert.match(
      capped[0]!,
      /^9 provision changes \(6 added, 0 removed, 3 modified, 0 moved\), 6 substantive$/,
    );
    // Left out: 4 of the 6 additions and the 3 noise changes.
    assert.equal(capped[3], "… and 7 more changes");
  });

  it("returns nothing for no changes", () => {
    assert.deepEqual(summarize([]), []);
  });
});
