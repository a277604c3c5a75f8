/** Provision-level diff of two classified versions: added, removed, modified and moved provisions. */
import type { ClassifiedProvision, ProvisionChange, ProvisionChangeType } from "../model/index.js";
import { DEFAULT_MATCH_OPTIONS, type MatchOptions, matchProvisions } from "./match-provisions.js";
import { longestIncreasingSubsequence } from "./order.js";

/** One change with the provisions behind it (kept for classification and summaries, not for storage). */
export interface ProvisionChangeEntry {
  change: ProvisionChange;
  before: ClassifiedProvision | null;
  after: ClassifiedProvision | null;
  /** Positions in the input arrays; -1 on the side where the provision is absent. */
  beforePos: number;
  afterPos: number;
}

/** Result of {@link diffProvisions}. */
export interface ProvisionDiff {
  /** Changed provisions, in reading order of the after version (removed ones where they used to be). */
  changes: ProvisionChange[];
  /** The same changes with their provisions, same order. */
  entries: ProvisionChangeEntry[];
  /** Provisions present in both versions with the same text and relative order. */
  unchanged: number;
  /** For each before position, the matched after position or -1 (removed). */
  beforeToAfter: Int32Array;
  /** For each after position, the matched before position or -1 (added). */
  afterToBefore: Int32Array;
}

function clauseTypes(p: ClassifiedProvision | null): string[] {
  if (!p) return [];
  return [...new Set(p.clauses.map((c) => c.type))].sort();
}

function makeEntry(
  change: ProvisionChangeType,
  before: ClassifiedProvision | null,
  after: ClassifiedProvision | null,
  beforePos: number,
  afterPos: number,
): ProvisionChangeEntry {
  const clausesBefore = clauseTypes(before);
  const clausesAfter = clauseTypes(after);
  return {
    before,
    after,
    beforePos,
    afterPos,
    change: {
      change,
      before: before?.text ?? null,
      after: after?.text ?? null,
      beforeKey: before?.key ?? null,
      afterKey: after?.key ?? null,
      clauses: [...new Set([...clausesBefore, ...clausesAfter])].sort(),
      clausesBefore,
      clausesAfter,
      beforeIndex: before?.index ?? null,
      afterIndex: after?.index ?? null,
    },
  };
}

/**
 * Diffs two versions' provisions. Provisions are matched by stable key, then identical text, then text
 * similarity, so a moved or lightly edited provision is `moved` / `modified` rather than removed + added.
 * A matched provision whose relative order changed (outside the longest increasing run of matches) and whose
 * text is unchanged is `moved`; a matched provision whose text changed is `modified` wherever it is.
 */
export function diffProvisions(
  before: readonly ClassifiedProvision[],
  after: readonly ClassifiedProvision[],
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
): ProvisionDiff {
  const matches = matchProvisions(before, after, options).sort((x, y) => x.before - y.before);
  const inOrder = new Uint8Array(matches.length);
  for (const i of longestIncreasingSubsequence(matches.map((m) => m.after))) inOrder[i] = 1;

  // Sort positions: an after provision sits at its index; a removed one right after the after position of
  // the nearest preceding matched before provision.
  const placed: { at: number; tie: number; entry: ProvisionChangeEntry }[] = [];
  const matchedBefore = new Int32Array(before.length).fill(-1);
  const matchedAfter = new Int32Array(after.length).fill(-1);
  let unchanged = 0;
  matches.forEach((m, i) => {
    matchedBefore[m.before] = m.after;
    matchedAfter[m.after] = m.before;
    const b = before[m.before]!;
    const a = after[m.after]!;
    const type = b.text !== a.text ? "modified" : inOrder[i] ? null : "moved";
    if (type) placed.push({ at: m.after, tie: 0, entry: makeEntry(type, b, a, m.before, m.after) });
    else unchanged++;
  });
  let anchor = -1;
  for (let b = 0; b < before.length; b++) {
    const target = matchedBefore[b]!;
    if (target >= 0) {
      anchor = target;
      continue;
    }
    placed.push({ at: anchor + 0.5, tie: b, entry: makeEntry("removed", before[b]!, null, b, -1) });
  }
  for (let a = 0; a < after.length; a++) {
    if (matchedAfter[a]! < 0)
      placed.push({ at: a, tie: 0, entry: makeEntry("added", null, after[a]!, -1, a) });
  }
  placed.sort((x, y) => x.at - y.at || x.tie - y.tie);
  const entries = placed.map((p) => p.entry);
  return {
    changes: entries.map((e) => e.change),
    entries,
    unchanged,
    beforeToAfter: matchedBefore,
    afterToBefore: matchedAfter,
  };
}
