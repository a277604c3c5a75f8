/**
 * Facts beyond a single provision change that it is judged against: is its text still said nearby in the
 * other version (a split or merge of paragraphs, not new wording), was this clause type or term already in
 * the document. Everything is computed lazily and locally, so that a record costs in proportion to what
 * changed, not to the length of the document.
 */
import type { ClassifiedProvision, Polarity } from "../model/index.js";
import type { ProvisionDiff } from "./diff-provisions.js";
import { minorText } from "./normal-forms.js";
import { termById } from "./vocabulary.js";

/** Provisions on each side of the matched neighbours that are searched for re-segmented text. */
const WINDOW_MARGIN = 2;
/** Most provisions searched: a neighbourhood, not the document. */
const MAX_WINDOW = 24;

function typesOf(provisions: readonly ClassifiedProvision[]): Map<string, Set<Polarity>> {
  const out = new Map<string, Set<Polarity>>();
  for (const p of provisions) {
    for (const c of p.clauses) {
      const set = out.get(c.type);
      if (set) set.add(c.polarity);
      else out.set(c.type, new Set([c.polarity]));
    }
  }
  return out;
}

/** For each position, the nearest matched position at or before it (-1 when none), and at or after it. */
function neighbours(map: Int32Array): { previous: Int32Array; next: Int32Array } {
  const previous = new Int32Array(map.length);
  const next = new Int32Array(map.length);
  let last = -1;
  for (let i = 0; i < map.length; i++) {
    if (map[i]! >= 0) last = i;
    previous[i] = last;
  }
  last = -1;
  for (let i = map.length - 1; i >= 0; i--) {
    if (map[i]! >= 0) last = i;
    next[i] = last;
  }
  return { previous, next };
}

type Side = "before" | "after";

/** Facts about the two versions of a change record. */
export class ChangeContext {
  /** Clause types anywhere in each version, with the polarities they were read with. */
  readonly typesBefore: Map<string, Set<Polarity>>;
  readonly typesAfter: Map<string, Set<Polarity>>;
  /** False when no provision of either version carries a classification (classifier not run). */
  readonly classified: boolean;
  private readonly minor = { before: new Map<number, string>(), after: new Map<number, string>() };
  private readonly near: Record<Side, { previous: Int32Array; next: Int32Array }>;
  private readonly windows = new Map<string, string>();
  private readonly beforeTermHits = new Map<string, boolean>();

  constructor(
    private readonly beforeText: string,
    private readonly before: readonly ClassifiedProvision[],
    private readonly after: readonly ClassifiedProvision[],
    private readonly diff: Pick<ProvisionDiff, "beforeToAfter" | "afterToBefore">,
  ) {
    this.typesBefore = typesOf(before);
    this.typesAfter = typesOf(after);
    this.classified = this.typesBefore.size > 0 || this.typesAfter.size > 0;
    this.near = { before: neighbours(diff.beforeToAfter), after: neighbours(diff.afterToBefore) };
  }

  /** Minor normal form of the provision at `pos` of one side (cached). */
  minorOf(side: Side, pos: number): string {
    const cache = this.minor[side];
    let value = cache.get(pos);
    if (value === undefined) {
      value = minorText((side === "before" ? this.before : this.after)[pos]!.text);
      cache.set(pos, value);
    }
    return value;
  }

  /**
   * True when `minor` (a minor normal form) occurs in the other version near the place of the provision at `pos` of `side`:
   * within the provisions between the other-side matches of its nearest matched neighbours (plus a margin).
   */
  presentNear(minor: string, side: Side, pos: number): boolean {
    const other: Side = side === "before" ? "after" : "before";
    const map = side === "before" ? this.diff.beforeToAfter : this.diff.afterToBefore;
    const otherLength = (other === "before" ? this.before : this.after).length;
    if (otherLength === 0) return false;
    const self = map[pos]!;
    const previous = this.near[side].previous[pos]!;
    const next = this.near[side].next[pos]!;
    const anchors = [self, previous >= 0 ? map[previous]! : -1, next >= 0 ? map[next]! : -1].filter(
      (x) => x >= 0,
    );
    let from = anchors.length > 0 ? Math.min(...anchors) - WINDOW_MARGIN : 0;
    let to = anchors.length > 0 ? Math.max(...anchors) + WINDOW_MARGIN : otherLength - 1;
    if (to - from + 1 > MAX_WINDOW) {
      // Neighbours far apart (a move): search around the closest anchor only.
      const centre = anchors[0] ?? 0;
      from = centre - MAX_WINDOW / 2;
      to = centre + MAX_WINDOW / 2;
    }
    from = Math.max(0, from);
    to = Math.min(otherLength - 1, to);
    // Consecutive added or removed provisions share their neighbours, hence their window.
    const key = `${other}:${from}:${to}`;
    let window = this.windows.get(key);
    if (window === undefined) {
      const parts: string[] = [];
      for (let i = from; i <= to; i++) parts.push(this.minorOf(other, i));
      window = parts.join(" ");
      this.windows.set(key, window);
    }
    return window.includes(minor);
  }

  /**
   * True when the before version mentions a vocabulary term anywhere (link targets included: a slight
   * excess that only makes "new to the document" rarer). Each term is its own scan, so that overlapping
   * terms are all seen; only the terms asked about are scanned.
   */
  beforeMentions(termId: string): boolean {
    let known = this.beforeTermHits.get(termId);
    if (known === undefined) {
      known = termById(termId)?.pattern.test(this.beforeText) ?? false;
      this.beforeTermHits.set(termId, known);
    }
    return known;
  }

  /** True when a clause type was read with this polarity somewhere in the version. */
  hadType(side: Side, type: string, polarity: Polarity): boolean {
    return (side === "before" ? this.typesBefore : this.typesAfter).get(type)?.has(polarity) ?? false;
  }
}
