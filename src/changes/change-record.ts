/** The change record of a new version: provision diff, noise vs substance, severity and summary. */
import { findDates } from "../analysis/entities/index.js";
import { formatRecordId } from "../citations/record-id.js";
import type {
  ChangeKind,
  ChangeRecordData,
  ClassifiedProvision,
  ProvisionChange,
  Severity,
} from "../model/index.js";
import { type AnalyzeVersion, analyzeVersion } from "./analyze-version.js";
import { ChangeContext } from "./change-context.js";
import { type ChangeAssessment, classifyChange, demote } from "./classify-change.js";
import { weighDeltas } from "./deltas.js";
import { diffProvisions, type ProvisionChangeEntry } from "./diff-provisions.js";
import { InvalidProvisionsError } from "./errors.js";
import { headlineOf } from "./headline.js";
import { technicalText } from "./normal-forms.js";
import { type OutsideChange, outsideChanges } from "./outside-text.js";
import { maxKind, maxSeverity } from "./ranks.js";
import { demoteRescoped, type Rescoping, rescopingLine, rescopingOf } from "./rescope.js";
import { type AssessedChange, EXCERPT_CHARS, type SummaryOptions, summarizeChanges } from "./summarize.js";
import { countWords } from "./words.js";

/** Inputs of {@link computeChangeRecord}. Pass the provisions when they are already classified. */
export interface ChangeRecordInput {
  /** Text of the previous version; null for the first recorded version. */
  beforeText: string | null;
  afterText: string;
  /** Classified provisions of the previous version; computed with `analyze` when absent. */
  before?: readonly ClassifiedProvision[] | null;
  /** Classified provisions of the new version; computed with `analyze` when absent. */
  after?: readonly ClassifiedProvision[];
  /** Segmentation + classification used for missing provisions (default: the project's pipeline). */
  analyze?: AnalyzeVersion;
  summary?: SummaryOptions;
  /**
   * The latest version recorded before the previous one whose text is identical to `afterText`, if any: the
   * new version then brings back wording already published ({@link returnLine}).
   */
  returnsTo?: EarlierVersion | null;
  /**
   * How the new version was made when it re-extracts an existing capture with changed rules instead of
   * capturing the page again (e.g. `Open Terms Archive “Refilter”`); the summary then says so.
   */
  reextraction?: string | null;
  /**
   * Words in each text (`countWords`) when the caller has them: over a document's history each version is the
   * after of one record and the before of the next, so it need be counted once. Counted here when absent.
   */
  wordCounts?: { before: number; after: number };
}

/** A version recorded earlier, as cited by a change record. */
export interface EarlierVersion {
  versionId: number;
  /** ISO 8601 date the version was recorded. */
  recordedAt: string;
}

/** A change record with the detail behind it. */
export interface ChangeRecordResult extends ChangeRecordData {
  /** Provisions present in both versions with the same text and relative order. */
  unchanged: number;
  /** The provision changes with their provisions and verdicts, in reading order. */
  assessed: AssessedChange[];
  /** Changed lines between provisions (headings, date lines); they make a record minor at most. */
  outside: OutsideChange[];
}

/*
 * The two copies below are `{ ...x, extra }` written as Object.assign and assignments (same properties, same order):
 * on Node 20 a spread followed by another property costs about a microsecond, and a record makes one per change.
 */

/** `{ ...entry, assessment }`. */
function withAssessment(entry: ProvisionChangeEntry, assessment: ChangeAssessment): AssessedChange {
  const out = Object.assign({}, entry) as AssessedChange;
  out.assessment = assessment;
  return out;
}

/** The change as stored: `{ ...c.change, kind, severity }` with the record's final verdict. */
function storedChange(c: AssessedChange): ProvisionChange {
  const out = Object.assign({}, c.change);
  out.kind = c.assessment.kind;
  out.severity = c.assessment.severity;
  return out;
}

function firstVersion(after: readonly ClassifiedProvision[]): ChangeRecordResult {
  const n = after.length;
  const summary = [`First recorded version (${n} provision${n === 1 ? "" : "s"})`];
  return {
    kind: "substantive",
    severity: "low",
    headline: headlineOf([], summary),
    summary,
    deltas: [],
    provisionChanges: [],
    unchanged: 0,
    assessed: [],
    outside: [],
  };
}

function noChange(summary: string[], unchanged: number): ChangeRecordResult {
  return {
    kind: "technical",
    severity: "low",
    headline: headlineOf([], summary),
    summary,
    deltas: [],
    provisionChanges: [],
    unchanged,
    assessed: [],
    outside: [],
  };
}

/**
 * A paragraph that became a heading (or the reverse) shows as a removed provision plus an added heading:
 * the pair is one layout change. Marks such provisions technical and drops their heading lines.
 */
function pairWithHeadings(
  assessed: readonly AssessedChange[],
  outside: readonly OutsideChange[],
): { assessed: AssessedChange[]; outside: OutsideChange[] } {
  if (outside.length === 0) return { assessed: [...assessed], outside: [...outside] };
  const used = new Set<OutsideChange>();
  const paired = assessed.map((c) => {
    if (c.assessment.kind !== "substantive" || (c.before && c.after)) return c;
    const visible = technicalText((c.after ?? c.before)!.text);
    const twin = outside.find(
      (o) => !used.has(o) && (c.after ? o.before === visible && !o.after : o.after === visible && !o.before),
    );
    if (!twin) return c;
    used.add(twin);
    return demote(c, "technical", "resegmented");
  });
  return { assessed: paired, outside: outside.filter((o) => !used.has(o)) };
}

/**
 * A modified provision whose old text is still in the new version and whose new text was already in the old
 * one changed no wording: two like paragraphs (regional variants of one clause) were paired crosswise, as
 * when their headings changed. Such a change is a move, minor.
 */
function demoteCrossPaired(
  assessed: readonly AssessedChange[],
  before: readonly ClassifiedProvision[],
  after: readonly ClassifiedProvision[],
): AssessedChange[] {
  const crossable = (c: AssessedChange): boolean =>
    c.assessment.kind === "substantive" && c.before !== null && c.after !== null;
  if (!assessed.some(crossable)) return [...assessed];
  const textsBefore = new Set(before.map((p) => technicalText(p.text)));
  const textsAfter = new Set(after.map((p) => technicalText(p.text)));
  return assessed.map((c) =>
    crossable(c) &&
    textsBefore.has(technicalText(c.after!.text)) &&
    textsAfter.has(technicalText(c.before!.text))
      ? demote(c, "minor", "moved")
      : c,
  );
}

/**
 * A version identical to one recorded before its predecessor has no wording that was not published before:
 * most often the page alternates between variants (A/B tests, regional editions) or the capture in between
 * failed. Its changes only undo the previous version's, so none of them is substantive or raises an alert;
 * they stay in the record, as minor.
 */
function demoteReturned(c: AssessedChange): AssessedChange {
  return c.assessment.kind === "substantive" ? demote(c, "minor", "returned") : c;
}

/** The first summary line of a version that returns to an earlier text. */
export function returnLine(earlier: EarlierVersion): string {
  return `Returns to the exact text of ${formatRecordId("version", earlier.versionId)}, recorded ${earlier.recordedAt.slice(0, 10)} (same SHA-256): no new wording; a page that alternates between variants or a capture that failed in between is more likely than an edit`;
}

/**
 * The lines that open a summary: where the text was seen before, a shrink warning, how it was made and, for a
 * re-extraction that only moved the extracted part of the page, what moved.
 */
function provenanceLines(
  input: ChangeRecordInput,
  shrink: string | null,
  rescoping: Rescoping | null = null,
): string[] {
  const lines: string[] = [];
  if (input.returnsTo) lines.push(returnLine(input.returnsTo));
  if (shrink) lines.push(shrink);
  if (input.reextraction) {
    const dated = input.beforeText === null ? null : ownDateMove(input.beforeText, input.afterText);
    lines.push(reextractionLine(input.reextraction, dated));
  }
  if (rescoping) lines.push(rescopingLine(rescoping));
  return lines;
}

/**
 * The summary line of a version re-extracted from an existing capture. When the document's own date moved
 * forward (`dated`), the platform says it published a new version since the previous one: the capture the rules
 * were applied to is newer than that version, and its differences include the platform's edits.
 */
export function reextractionLine(how: string, dated: DateMove | null = null): string {
  const made = `Re-extracted from an existing capture (${how}), not captured again`;
  return dated
    ? `${made}, but the document's own date moved from ${dated.from} to ${dated.to}: the platform published a new version since the previous one, so the differences include its edits, not only changed extraction rules`
    : `${made}: some differences may come from changed extraction rules rather than from the platform, whose own edits may date from any time since the previous version`;
}

/** A document's own effective or last-updated date, before and after (ISO 8601 days). */
export interface DateMove {
  from: string;
  to: string;
}

/**
 * Whether the latest effective or last-updated date a document states moved forward between two texts. Both
 * texts must state one: a date that appears only after may be a header the new rules started to extract.
 */
export function ownDateMove(beforeText: string, afterText: string): DateMove | null {
  const from = ownDate(beforeText);
  const to = ownDate(afterText);
  return from && to && to > from ? { from, to } : null;
}

function ownDate(text: string): string | null {
  let latest: string | null = null;
  for (const date of findDates(text)) {
    if (date.kind === "other" || !date.iso) continue;
    const day = date.iso.slice(0, 10);
    if (latest === null || day > latest) latest = day;
  }
  return latest;
}

/** A document shorter than this (in words) is too small for "most of it disappeared" to mean anything. */
const SHRINK_MIN_WORDS = 200;
/** Share of the words left below which a version is flagged as a possible failed capture. */
const SHRINK_KEPT_SHARE = 0.2;

/**
 * The warning line of a version that lost most of its words. Such a version is more often a failed or partial
 * capture (an error page, a login or cookie wall, a policy moved elsewhere) than an edit, and an alert on it
 * should say so before listing dozens of removals.
 * @param before words in the previous version's text
 * @param after words in the new version's text
 */
export function shrinkWarning(before: number, after: number): string | null {
  if (before < SHRINK_MIN_WORDS || after >= before * SHRINK_KEPT_SHARE) return null;
  const gone = Math.round((100 * (before - after)) / before);
  return `Most of the document disappeared (${gone}% of its words; ${after.toLocaleString("en")} words left of ${before.toLocaleString("en")}): check the source, this is often a failed capture or a moved page rather than an edit`;
}

/**
 * Computes the change record of `afterText` against `beforeText`.
 * - First version (beforeText null): substantive, low, "First recorded version (N provisions)", no changes.
 * - Identical texts: technical, low, no changes, a summary saying so.
 * - Otherwise each provision change is classified technical / minor / substantive with a severity; the record
 *   takes the most substantive kind and, for substantive records, the highest severity of substantive
 *   changes. Changed headings and other lines between provisions make the record minor at most (reported in
 *   the summary, not as provision changes).
 * - A version that kept less than a fifth of the words of a substantial document gets a first summary line
 *   saying so ({@link shrinkWarning}); kind and severity still come from the provisions.
 * - A version identical to an earlier one (`returnsTo`) is minor and low at most, its first summary line
 *   naming that version.
 * - A re-extracted version (`reextraction`) gets a summary line saying how it was made. When its only
 *   substantive changes are whole provisions newly extracted or no longer extracted ({@link rescopingOf}),
 *   they are technical and a line says so; when wording changed, it keeps its kind.
 * @throws InvalidProvisionsError when `before` provisions are given but `beforeText` is null.
 */
export function computeChangeRecord(input: ChangeRecordInput): ChangeRecordResult {
  if (input.beforeText === null && input.before) {
    throw new InvalidProvisionsError("before provisions were given without the before text");
  }
  const analyze = input.analyze ?? analyzeVersion;
  const after = input.after ?? analyze(input.afterText);
  if (input.beforeText === null) return firstVersion(after);
  if (input.beforeText === input.afterText)
    return noChange(["No change: the text is identical"], after.length);
  const before = input.before ?? analyze(input.beforeText);

  const diff = diffProvisions(before, after);
  const context = new ChangeContext(input.beforeText, before, after, diff);
  // Headings and other lines between provisions: minor at most, and nothing when only their layout changed.
  const paired = pairWithHeadings(
    diff.entries.map((entry) => withAssessment(entry, classifyChange(entry, context))),
    outsideChanges(input.beforeText, before, input.afterText, after),
  );
  const { outside } = paired;
  let assessed = demoteCrossPaired(paired.assessed, before, after);
  const rescoping = input.reextraction ? rescopingOf(assessed, before.length, after.length) : null;
  if (rescoping) assessed = demoteRescoped(assessed);
  if (assessed.length === 0 && outside.length === 0) {
    // The text differs only outside provisions, and there only in layout or navigation.
    return noChange(
      [
        ...provenanceLines(input, null),
        "No change in any provision (only layout or navigation text differs)",
      ],
      diff.unchanged,
    );
  }
  if (input.returnsTo) assessed = assessed.map(demoteReturned);
  const maxChars = input.summary?.excerptChars ?? EXCERPT_CHARS;
  const weighed = weighDeltas(assessed, maxChars, context);
  assessed = weighed.assessed;
  let kind: ChangeKind = outside.length > 0 ? "minor" : "technical";
  let severity: Severity = "low";
  for (const { assessment } of assessed) {
    kind = maxKind(kind, assessment.kind);
    if (assessment.kind === "substantive") severity = maxSeverity(severity, assessment.severity);
  }
  const summary = summarizeChanges(assessed, weighed.deltas, outside, input.summary);
  const words = input.wordCounts ?? {
    before: countWords(input.beforeText),
    after: countWords(input.afterText),
  };
  summary.unshift(...provenanceLines(input, shrinkWarning(words.before, words.after), rescoping));
  return {
    kind,
    severity,
    headline: headlineOf(weighed.deltas, summary),
    summary,
    deltas: weighed.deltas,
    // Built once from the final verdicts: each stored change says what the record says of it.
    provisionChanges: assessed.map(storedChange),
    unchanged: diff.unchanged,
    assessed,
    outside,
  };
}
