import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { diffArrays, diffWordsWithSpace } from "diff";
import { seededRandom } from "../analysis/classify/random.js";
import { diffArrayRuns } from "./token-diff.js";
import { tokenRuns } from "./word-diff.js";

/** jsdiff's own answer, in the runs' shape: the reference the replay must equal. */
function reference(a: string, b: string, maxEditLength: number): { op: string; text: string }[] | null {
  const parts = diffWordsWithSpace(a, b, { maxEditLength });
  return parts
    ? parts.map((p) => ({ op: p.added ? "insert" : p.removed ? "delete" : "equal", text: p.value }))
    : null;
}

function assertSame(a: string, b: string, maxEditLength: number): void {
  assert.deepEqual(tokenRuns(a, b, maxEditLength), reference(a, b, maxEditLength), `${a}\n→\n${b}`);
}

/** Paragraphs of the real versions in the change fixtures: long provisions with real edits between them. */
function fixtureParagraphs(): string[] {
  const root = join("test", "fixtures", "changes", "ota");
  const out: string[] = [];
  for (const service of readdirSync(root).sort()) {
    for (const type of readdirSync(join(root, service)).sort()) {
      for (const file of readdirSync(join(root, service, type)).sort()) {
        const text = readFileSync(join(root, service, type, file), "utf8");
        out.push(...text.split(/\n\s*\n/).filter((p) => p.length > 200));
      }
    }
  }
  return out;
}

describe("jsdiff's diffs replayed on token ids", () => {
  it("equals diffWordsWithSpace on random texts over a few words, where ties are the rule", () => {
    const random = seededRandom(12);
    const words = ["a", "b", "c", " ", " ", ", ", "\n", "data", "the"];
    const text = (n: number): string =>
      Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join("");
    for (let i = 0; i < 3000; i++) {
      const a = text(Math.floor(random() * 30));
      const b =
        random() < 0.3 ? a.slice(Math.floor(random() * a.length)) + text(5) : text(Math.floor(random() * 30));
      assertSame(a, b, 1 + Math.floor(random() * 40));
    }
  });

  it("equals diffWordsWithSpace on edits of real provisions, within and past the edit budget", () => {
    const random = seededRandom(21);
    const paragraphs = fixtureParagraphs();
    assert.ok(paragraphs.length > 100);
    for (let i = 0; i < 300; i++) {
      const a = paragraphs[Math.floor(random() * paragraphs.length)]!;
      // Half rewritten from another paragraph, half edited in place (words cut, moved and inserted).
      const words = a.split(" ");
      const b =
        random() < 0.5
          ? paragraphs[Math.floor(random() * paragraphs.length)]!
          : words
              .filter(() => random() > 0.1)
              .map((w) => (random() < 0.05 ? `${w} new words here` : w))
              .join(" ");
      assertSame(a, b, 400);
      assertSame(a, b, 40);
    }
  });

  it("diffArrayRuns equals diffArrays on random lines, with and without an edit budget", () => {
    const random = seededRandom(5);
    const lines = ["Heading", "Last updated 2024", "", "Menu", "Contact us", "Terms"];
    const list = (n: number): string[] =>
      Array.from({ length: n }, () => lines[Math.floor(random() * lines.length)]!);
    for (let i = 0; i < 2000; i++) {
      const a = list(Math.floor(random() * 25));
      const b = list(Math.floor(random() * 25));
      assert.deepEqual(
        diffArrayRuns(a, b),
        diffArrays(a, b).map(({ value, added, removed }) => ({ value, added, removed })),
      );
      const budget = Math.floor(random() * 20);
      const parts = diffArrays(a, b, { maxEditLength: budget });
      assert.deepEqual(
        diffArrayRuns(a, b, budget),
        parts ? parts.map(({ value, added, removed }) => ({ value, added, removed })) : null,
      );
    }
  });
});
