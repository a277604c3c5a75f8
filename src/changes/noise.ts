/**
 * Noise rules: when a provision change is only technical (extraction artefacts) or minor (date stamps,
 * typos, punctuation and typography, case, tracking parameters, links, labels, a move).
 */
import type { ChangeKind, ClassifiedProvision } from "../model/index.js";
import type { ChangeContext } from "./change-context.js";
import { DATE_PATTERN, hasDate, isDateStamp, stripDates } from "./dates.js";
import { minorText, technicalText } from "./normal-forms.js";
import { quantitiesOf, withoutNumbers } from "./numbers.js";
import { isLabel, linkOnly, onlyUrls } from "./page-chrome.js";
import { onlyTypoEdits } from "./typos.js";

/** Why a change is not substantive. */
export type NoiseReason =
  | "formatting"
  | "markup-only"
  | "anchor-links"
  | "resegmented"
  | "moved"
  | "date-stamp"
  | "typography"
  | "typo"
  | "links"
  | "label"
  /** Only a one-word (or punctuation) rewording that no delta gives weight to (set by the change record). */
  | "reworded"
  /** Only the numbers of a statistics or metrics table row changed (request counts, figures of a report). */
  | "statistics"
  /** The whole version is identical to one recorded before its predecessor (set by the change record). */
  | "returned"
  /** A re-extraction now extracts this provision, or no longer does (set by the change record). */
  | "rescoped";

/** A noise verdict: the change is this kind for this reason. */
export interface Noise {
  kind: Exclude<ChangeKind, "substantive">;
  noise: NoiseReason;
}

/** The two sides of a provision change, with their positions in the version arrays when known. */
export interface ChangeSides {
  before: ClassifiedProvision | null;
  after: ClassifiedProvision | null;
  beforePos?: number;
  afterPos?: number;
}

/** Shortest text for which "still said next to where it was" is meaningful, not chance. */
const MIN_PRESENT_CHARS = 24;

function datesOf(technical: string): string {
  return (technical.match(DATE_PATTERN) ?? []).join("|");
}

/** Noise verdict of a provision present on one side only, or null when it is substance. */
function oneSidedNoise(p: ClassifiedProvision, presentInOther: (minor: string) => boolean): Noise | null {
  const technical = technicalText(p.text);
  const minor = minorText(p.text);
  if (minor === "" || onlyUrls(technical, minor)) return { kind: "technical", noise: "markup-only" };
  const links = linkOnly(p.text);
  if (links === "anchor-links") return { kind: "technical", noise: links };
  if (links === "links") return { kind: "minor", noise: links };
  if (isDateStamp(technical)) return { kind: "minor", noise: "date-stamp" };
  if (isLabel(p, technical)) return { kind: "minor", noise: "label" };
  // Text that is still (or already) said in the other version was split off or merged, not written anew.
  if (minor.length >= MIN_PRESENT_CHARS && presentInOther(minor))
    return { kind: "technical", noise: "resegmented" };
  return null;
}

/** Footnote and anchor artefacts around a date ("[1] May 2026"), left by the capture: digits and brackets. */
const DATE_ARTEFACTS = /[\d[\]()#^*]+/g;

/**
 * A date stamp whose wording or format changed ("Last modified: 31 March 2026" → "Last updated: 31 March 2026",
 * "[1] May 2026" → "5 May 2026"): both sides are date stamps, or they differ only in dates and the digits and
 * brackets of footnote marks next to them.
 */
function dateStampEdit(
  techBefore: string,
  techAfter: string,
  minorBefore: string,
  minorAfter: string,
): boolean {
  const stampBefore = isDateStamp(techBefore);
  const stampAfter = isDateStamp(techAfter);
  if (stampBefore && stampAfter) return true;
  // Digits are dropped below: only next to a date stamp, never in a sentence whose numbers are terms.
  if (!(stampBefore || stampAfter) || !hasDate(techBefore) || !hasDate(techAfter)) return false;
  const bare = (minor: string) =>
    stripDates(minor, "").replace(DATE_ARTEFACTS, "").replace(/\s+/g, " ").trim();
  return bare(minorBefore) === bare(minorAfter);
}

/** A count large enough to be a statistic, not a term ("8,260,593"; "30 days" is not). */
const STATISTIC = /\d{1,3}(?:,\d{3})+|\d{4,}/;

/** Headings of statistics sections ("Privacy Request Metrics", "Transparency report"). */
const STATISTICS_HEADING = /\b(?:metrics|statistics|transparency report|figures|numbers of requests)\b/i;

/**
 * A statistics or metrics row whose figures were updated: the texts are equal but for their numbers, and it
 * is a row of a statistics section, a table row with counts (thousands), or a row whose numbers are counts
 * and not terms such as durations or fees.
 */
function statisticsEdit(
  change: ChangeSides,
  techBefore: string,
  minorBefore: string,
  minorAfter: string,
): boolean {
  if (withoutNumbers(minorBefore) !== withoutNumbers(minorAfter)) return false;
  if (change.after!.headingPath.some((h) => STATISTICS_HEADING.test(h))) return true;
  const row = techBefore.includes("|");
  if (row && STATISTIC.test(techBefore)) return true;
  // Durations, percentages and amounts are terms even in a table ("| Logs | 30 days |").
  if (quantitiesOf(minorBefore).join("|") !== quantitiesOf(minorAfter).join("|")) return false;
  return row || STATISTIC.test(techBefore);
}

/** Noise verdict of a modified provision, or null when the wording changed. */
function modifiedNoise(change: ChangeSides, context: ChangeContext | undefined): Noise | null {
  const before = change.before!.text;
  const after = change.after!.text;
  const techBefore = technicalText(before);
  const techAfter = technicalText(after);
  if (techBefore === techAfter) return { kind: "technical", noise: "formatting" };
  const minorBefore = minorText(before);
  const minorAfter = minorText(after);
  if (minorBefore === minorAfter) {
    return { kind: "minor", noise: datesOf(techBefore) !== datesOf(techAfter) ? "date-stamp" : "typography" };
  }
  if (onlyTypoEdits(minorBefore, minorAfter)) return { kind: "minor", noise: "typo" };
  if (dateStampEdit(techBefore, techAfter, minorBefore, minorAfter))
    return { kind: "minor", noise: "date-stamp" };
  if (statisticsEdit(change, techBefore, minorBefore, minorAfter))
    return { kind: "minor", noise: "statistics" };
  // Paragraphs split or merged differently: each side's text is found around the other side's place.
  const { beforePos = -1, afterPos = -1 } = change;
  if (
    context &&
    beforePos >= 0 &&
    afterPos >= 0 &&
    Math.max(minorBefore.length, minorAfter.length) >= MIN_PRESENT_CHARS &&
    minorBefore !== "" &&
    minorAfter !== "" &&
    context.presentNear(minorAfter, "after", afterPos) &&
    context.presentNear(minorBefore, "before", beforePos)
  ) {
    return { kind: "technical", noise: "resegmented" };
  }
  return null;
}

/**
 * The noise verdict of a provision change, or null when it is substantive. `context` (with positions) lets
 * text found next to where it was count as re-segmented rather than new.
 */
export function noiseOf(change: ChangeSides, context?: ChangeContext): Noise | null {
  const { before, after, beforePos = -1, afterPos = -1 } = change;
  if (before && after)
    return before.text === after.text ? { kind: "minor", noise: "moved" } : modifiedNoise(change, context);
  const near = (side: "before" | "after", pos: number) => (minor: string) =>
    context !== undefined && pos >= 0 && context.presentNear(minor, side, pos);
  if (after) return oneSidedNoise(after, near("after", afterPos));
  if (before) return oneSidedNoise(before, near("before", beforePos));
  return null;
}
