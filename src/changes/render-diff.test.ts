import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ProvisionChange } from "../model/index.js";
import { renderDiffText } from "./render-diff.js";

const base = { beforeKey: null, afterKey: null, clauses: [], clausesBefore: [], clausesAfter: [] };
const CHANGES: ProvisionChange[] = [
  {
    ...base,
    change: "modified",
    before: "We keep data for 30 days.",
    after: "We keep data for 90 days.",
    beforeIndex: 2,
    afterIndex: 3,
    kind: "substantive",
    severity: "medium",
    clauses: ["retention-period"],
  },
  {
    ...base,
    change: "added",
    before: null,
    after: "A new clause.",
    afterIndex: 4,
    kind: "substantive",
    severity: "low",
  },
  {
    ...base,
    change: "removed",
    before: "An old clause.",
    after: null,
    beforeIndex: 5,
    kind: "substantive",
    severity: "low",
  },
];

describe("renderDiffText", () => {
  it("renders plain markers without colour", () => {
    assert.equal(
      renderDiffText(CHANGES, { color: false }),
      [
        "@@ modified · #3 → #4 · substantive/medium · retention-period",
        "  We keep data for [-30-]{+90+} days.",
        "",
        "@@ added · #5 · substantive/low",
        "  {+A new clause.+}",
        "",
        "@@ removed · #6 · substantive/low",
        "  [-An old clause.-]",
        "",
      ].join("\n"),
    );
  });

  it("uses ANSI colours when asked, and elides long unchanged text", () => {
    const colored = renderDiffText(CHANGES, { color: true });
    const esc = "\u001b";
    assert.ok(colored.includes(`${esc}[31m30${esc}[0m${esc}[32m90${esc}[0m`), colored);
    const long = `${"word ".repeat(100)}end`;
    const [change] = renderDiffText(
      [
        {
          ...base,
          change: "modified",
          before: `${long} A.`,
          after: `${long} B.`,
          beforeIndex: 0,
          afterIndex: 0,
        },
      ],
      { color: false, context: 20 },
    )
      .split("\n")
      .slice(1);
    assert.ok(change!.length < 80, change);
    assert.match(change!, /… .*\[-A-\]\{\+B\+\}\./);
  });

  it("says so when nothing changed", () => {
    assert.equal(renderDiffText([], { color: false }), "No provision changed.\n");
  });
});
