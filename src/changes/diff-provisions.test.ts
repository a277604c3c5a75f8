import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ClassifiedProvision } from "../model/index.js";
import { diffProvisions } from "./diff-provisions.js";
import { longestIncreasingSubsequence } from "./order.js";

/** Provisions with keys that never match, so that only text decides. */
function provisions(texts: readonly string[], keyPrefix = "k"): ClassifiedProvision[] {
  let offset = 0;
  return texts.map((text, index) => {
    const p = {
      index,
      key: `${keyPrefix}${index}`,
      headingPath: [],
      start: offset,
      end: offset + text.length,
      text,
      clauses: [],
    };
    offset += text.length + 2;
    return p;
  });
}

const PARAGRAPHS = [
  "We collect your name, e-mail address and phone number when you create an account.",
  "We use cookies to remember your preferences and to measure how the service is used.",
  "You can ask us to delete your account at any time from the settings page.",
  "We keep your data for as long as your account is open and for one year after.",
  "We share data with service providers who process it on our behalf under contract.",
];

describe("longestIncreasingSubsequence", () => {
  it("finds one longest strictly increasing run", () => {
    assert.deepEqual(longestIncreasingSubsequence([]), []);
    const values = [3, 0, 1, 7, 2, 5, 4];
    const picked = longestIncreasingSubsequence(values).map((i) => values[i]!);
    assert.equal(picked.length, 4);
    for (let i = 1; i < picked.length; i++) assert.ok(picked[i]! > picked[i - 1]!);
  });
});

describe("diffProvisions", () => {
  it("reports nothing for identical provisions", () => {
    const diff = diffProvisions(provisions(PARAGRAPHS), provisions(PARAGRAPHS, "other"));
    assert.deepEqual(diff.changes, []);
    assert.equal(diff.unchanged, PARAGRAPHS.length);
  });

  it("matches a lightly edited provision as modified, not removed + added", () => {
    const after = [...PARAGRAPHS];
    after[2] = "You can ask us to delete your account at any time from the privacy settings page.";
    const diff = diffProvisions(provisions(PARAGRAPHS), provisions(after, "x"));
    assert.deepEqual(
      diff.changes.map((c) => c.change),
      ["modified"],
    );
    assert.equal(diff.changes[0]!.beforeIndex, 2);
    assert.equal(diff.changes[0]!.afterIndex, 2);
  });

  it("reports a provision moved to another place as moved, and only that one", () => {
    const after = [PARAGRAPHS[1]!, PARAGRAPHS[2]!, PARAGRAPHS[3]!, PARAGRAPHS[4]!, PARAGRAPHS[0]!];
    const diff = diffProvisions(provisions(PARAGRAPHS), provisions(after, "x"));
    assert.deepEqual(
      diff.changes.map((c) => [c.change, c.before?.slice(0, 12)]),
      [["moved", "We collect y"]],
    );
    assert.equal(diff.unchanged, 4);
  });

  it("reports added and removed provisions in reading order", () => {
    const after = [
      PARAGRAPHS[0]!,
      "We may sell your data to advertising partners.",
      PARAGRAPHS[1]!,
      PARAGRAPHS[3]!,
      PARAGRAPHS[4]!,
    ];
    const diff = diffProvisions(provisions(PARAGRAPHS), provisions(after, "x"));
    assert.deepEqual(
      diff.changes.map((c) => c.change),
      ["added", "removed"],
    );
    assert.equal(diff.changes[1]!.before, PARAGRAPHS[2]);
  });

  it("matches equal keys unless the texts share almost nothing (a key collision)", () => {
    const before = provisions(["Alpha beta gamma delta epsilon.", "Completely different words here."]);
    const after = provisions(["Alpha beta gamma delta zeta eta theta.", "Nothing in common at all!"]);
    const diff = diffProvisions(before, after);
    assert.deepEqual(
      diff.changes.map((c) => c.change),
      ["modified", "removed", "added"],
    );
  });

  it("handles 5,000 provisions with a moved block, edits, additions and removals", () => {
    // Distinct letter-words per provision (numbers are folded when matching, so they would not tell apart).
    const word = (n: number): string => {
      let out = "";
      for (let x = n + 1; x > 0; x = Math.floor(x / 26)) out += String.fromCharCode(97 + (x % 26));
      return `${out}ly`;
    };
    const text = (i: number): string =>
      `${Array.from({ length: 12 }, (_, k) => word(i * 12 + k)).join(" ")}.`;
    const beforeTexts = Array.from({ length: 5000 }, (_, i) => text(i));
    const afterTexts = beforeTexts
      .filter((_, i) => i % 50 !== 0)
      .map((t, i) => (i % 40 === 0 ? `${t} Amended.` : t));
    afterTexts.splice(100, 0, ...afterTexts.splice(3000, 20));
    for (let i = 0; i < 30; i++)
      afterTexts.splice(i * 150, 0, `Inserted provision ${word(90000 + i)} ${word(95000 + i)}.`);
    const diff = diffProvisions(provisions(beforeTexts), provisions(afterTexts, "x"));
    const count = (type: string): number => diff.changes.filter((c) => c.change === type).length;
    assert.equal(count("removed"), 100);
    assert.equal(count("added"), 30);
    // Every 40th kept provision is amended, one of them inside the moved block.
    assert.equal(count("modified"), 123);
    assert.equal(count("moved"), 19);
    assert.equal(diff.unchanged, 4900 - 123 - 19);
  });
});
