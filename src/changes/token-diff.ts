/**
 * jsdiff's Myers diff (`Diff.diffWithOptionsObj` of `diff` 9.0.0), replayed step for step on token ids in typed
 * arrays. jsdiff allocates two objects per diagonal visited, which made word diffs of long reworded provisions
 * (a few hundred edits) the largest cost of a change record; this replay allocates none and returns the same
 * runs, so records stay byte-identical. Held to `diffWordsWithSpace` and `diffArrays` by `token-diff.test.ts`.
 */

/** A run of the diff: `count` tokens kept (op 0), inserted (op 1) or deleted (op 2). */
interface TokenRun {
  op: 0 | 1 | 2;
  count: number;
}

/** A run of items kept, added or removed, as jsdiff's `diffArrays` returns them. */
export interface ArrayChange<T> {
  value: T[];
  added: boolean;
  removed: boolean;
}

/**
 * What `diffArrays(a, b, { maxEditLength })` returns (items compared with ===), null where it returns
 * undefined: more than `maxEditLength` items to add and remove.
 */
export function diffArrayRuns<T>(
  a: readonly T[],
  b: readonly T[],
  maxEditLength = Number.POSITIVE_INFINITY,
): ArrayChange<T>[] | null {
  const ids = new Map<T, number>();
  // A plain loop: Int32Array.from with a mapping function goes through the iterator protocol, item by item.
  const idsOf = (items: readonly T[]): Int32Array => {
    const out = new Int32Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      let id = ids.get(item);
      if (id === undefined) {
        id = ids.size;
        ids.set(item, id);
      }
      out[i] = id;
    }
    return out;
  };
  // A diff needs at least as many edits as the lengths differ: past the budget the search would only give up.
  if (Math.abs(a.length - b.length) > maxEditLength) return null;
  const oldIds = idsOf(a);
  const newIds = idsOf(b);
  if (unmatched(oldIds, newIds, ids.size) > maxEditLength) return null;
  const runs = diffTokenIds(oldIds, newIds, maxEditLength);
  if (!runs) return null;
  const out: ArrayChange<T>[] = [];
  let inOld = 0;
  let inNew = 0;
  for (const { op, count } of runs) {
    if (op === DELETE) {
      out.push({ value: a.slice(inOld, inOld + count), added: false, removed: true });
      inOld += count;
      continue;
    }
    out.push({ value: b.slice(inNew, inNew + count), added: op === INSERT, removed: false });
    inNew += count;
    if (op === KEEP) inOld += count;
  }
  return out;
}

const NONE = -1;
const KEEP = 0;
const INSERT = 1;
const DELETE = 2;

/**
 * Items of either list left over once each item is paired with an equal one of the other (multisets): every
 * such item is an edit, so the diff needs at least this many.
 */
function unmatched(a: Int32Array, b: Int32Array, distinct: number): number {
  const counts = new Int32Array(distinct);
  for (const id of a) counts[id]!++;
  for (const id of b) counts[id]!--;
  let edits = 0;
  for (const count of counts) edits += Math.abs(count);
  return edits;
}

/** Paths of the search, one node per diagonal visited: the edit that made it, its parent and where it ends. */
class Paths {
  parent = new Int32Array(256);
  op = new Uint8Array(256);
  oldPos = new Int32Array(256);
  /** Tokens kept after the node's edit (the snake). */
  common = new Int32Array(256);
  size = 0;

  add(parent: number, op: number, oldPos: number): number {
    if (this.size === this.parent.length) {
      const grow = <A extends Int32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.parent = grow(this.parent, (n) => new Int32Array(n));
      this.op = grow(this.op, (n) => new Uint8Array(n));
      this.oldPos = grow(this.oldPos, (n) => new Int32Array(n));
      this.common = grow(this.common, (n) => new Int32Array(n));
    }
    const id = this.size++;
    this.parent[id] = parent;
    this.op[id] = op;
    this.oldPos[id] = oldPos;
    this.common[id] = 0;
    return id;
  }

  /** Follows the snake of `id` on `diagonal` (oldPos − newPos); returns the new position reached. */
  extend(id: number, a: Int32Array, b: Int32Array, diagonal: number): number {
    let oldPos = this.oldPos[id]!;
    let newPos = oldPos - diagonal;
    let common = 0;
    while (newPos + 1 < b.length && oldPos + 1 < a.length && a[oldPos + 1] === b[newPos + 1]) {
      oldPos++;
      newPos++;
      common++;
    }
    this.oldPos[id] = oldPos;
    this.common[id] = common;
    return newPos;
  }

  /** The runs from the root to `id`, adjacent edits of one kind merged as jsdiff merges them. */
  runs(id: number): TokenRun[] {
    const steps: number[] = [];
    for (let at = id; at !== NONE; at = this.parent[at]!) steps.push(at);
    const out: TokenRun[] = [];
    for (let k = steps.length - 1; k >= 0; k--) {
      const node = steps[k]!;
      const op = this.op[node]!;
      if (op !== KEEP) {
        const last = out[out.length - 1];
        if (last?.op === op) last.count++;
        else out.push({ op: op as 1 | 2, count: 1 });
      }
      if (this.common[node]! > 0) out.push({ op: KEEP, count: this.common[node]! });
    }
    return out;
  }
}

/** The search's paths, reused from diff to diff (a search is synchronous and read out before the next starts). */
const PATHS = new Paths();

/**
 * The diff of token ids `a` → `b` as jsdiff computes it (same search, same tie-breaking, same pruning of the
 * edges of the edit graph), or null when more than `maxEditLength` insertions and deletions are needed.
 */
function diffTokenIds(a: Int32Array, b: Int32Array, maxEditLength: number): TokenRun[] | null {
  const oldLen = a.length;
  const newLen = b.length;
  const limit = Math.min(maxEditLength, oldLen + newLen);
  const paths = PATHS;
  paths.size = 0;
  // bestPath[diagonal + offset]: the furthest path on that diagonal, NONE where jsdiff holds undefined.
  const offset = limit + 2;
  const bestPath = new Int32Array(2 * offset + 1).fill(NONE);
  const seed = paths.add(NONE, KEEP, -1);
  bestPath[offset] = seed;
  let newPos = paths.extend(seed, a, b, 0);
  if (paths.oldPos[seed]! + 1 >= oldLen && newPos + 1 >= newLen) return paths.runs(seed);
  let minDiagonal = Number.NEGATIVE_INFINITY;
  let maxDiagonal = Number.POSITIVE_INFINITY;
  for (let editLength = 1; editLength <= limit; editLength++) {
    const last = Math.min(maxDiagonal, editLength);
    for (let diagonal = Math.max(minDiagonal, -editLength); diagonal <= last; diagonal += 2) {
      const at = diagonal + offset;
      const removePath = bestPath[at - 1]!;
      const addPath = bestPath[at + 1]!;
      if (removePath !== NONE) bestPath[at - 1] = NONE;
      let canAdd = false;
      if (addPath !== NONE) {
        const addPathNewPos = paths.oldPos[addPath]! - diagonal;
        canAdd = 0 <= addPathNewPos && addPathNewPos < newLen;
      }
      const canRemove = removePath !== NONE && paths.oldPos[removePath]! + 1 < oldLen;
      if (!canAdd && !canRemove) {
        bestPath[at] = NONE;
        continue;
      }
      const base =
        !canRemove || (canAdd && paths.oldPos[removePath]! < paths.oldPos[addPath]!)
          ? paths.add(addPath, INSERT, paths.oldPos[addPath]!)
          : paths.add(removePath, DELETE, paths.oldPos[removePath]! + 1);
      newPos = paths.extend(base, a, b, diagonal);
      const oldPos = paths.oldPos[base]!;
      if (oldPos + 1 >= oldLen && newPos + 1 >= newLen) return paths.runs(base);
      bestPath[at] = base;
      if (oldPos + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, diagonal - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, diagonal + 1);
    }
  }
  return null;
}
