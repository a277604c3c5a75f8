/**
 * The summary line of one substantive provision change: what was added, removed, broadened, narrowed or
 * reworded, named with the clause types read in it (or its heading) and quoted from the version text.
 */
import type { Classification, ClassifiedProvision } from "../model/index.js";
import type { AssessedChange, ChangeAssessment } from "./classify-change.js";
import { clip, excerpt, sentencesTouching, wordCount } from "./excerpt.js";
import { technicalText } from "./normal-forms.js";
import { severityRank } from "./ranks.js";
import { type TermFamily, termById } from "./vocabulary.js";
import { changedText, type WordDiffSegment, wordDiff } from "./word-diff.js";

/** Word-diff budget for summaries: a provision rewritten beyond it is quoted from its new text. */
const SUMMARY_EDIT_LENGTH = 400;

/** Changed words at or below which a rewording is reported as minor wording. */
const SMALL_REWORDING_WORDS = 6;

function lowerFirst(name: string): string {
  // Keep acronyms ("AI features") as written.
  return /^[A-Z]{2}/.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "sharing with service providers and targeted advertising": the two weightiest clause names. */
function topicOf(clauses: readonly Classification[]): string | null {
  if (clauses.length === 0) return null;
  const polarityRank = { concerning: 0, protective: 1, neutral: 2 } as const;
  const ranked = [...clauses].sort(
    (a, b) =>
      polarityRank[a.polarity] - polarityRank[b.polarity] ||
      severityRank(b.severity) - severityRank(a.severity) ||
      b.confidence - a.confidence,
  );
  const names = [...new Set(ranked.map((c) => lowerFirst(c.name)))].slice(0, 2);
  return joinWords(names);
}

/** "on <topic>", "under “<heading>”" or "" for a provision. */
function where(p: ClassifiedProvision): string {
  const topic = topicOf(p.clauses);
  if (topic) return ` on ${topic}`;
  const heading = p.headingPath[p.headingPath.length - 1];
  return heading ? ` under “${excerpt(heading, 60)}”` : "";
}

function labels(ids: readonly string[], family: TermFamily): string[] {
  return ids.flatMap((id) => {
    const term = termById(id);
    return term && term.family === family ? [term.label] : [];
  });
}

function termLine(a: ChangeAssessment): string | null {
  if (!a.termsRelevant) return null;
  const parts: string[] = [];
  const dataAdded = labels(a.termsAdded, "dataCategories");
  const recipientsAdded = labels(a.termsAdded, "recipients");
  const dataRemoved = labels(a.termsRemoved, "dataCategories");
  const recipientsRemoved = labels(a.termsRemoved, "recipients");
  if (dataAdded.length > 0) parts.push(`Broadens data collected: now also mentions ${joinWords(dataAdded)}`);
  if (recipientsAdded.length > 0)
    parts.push(`Broadens sharing: now also mentions ${joinWords(recipientsAdded)}`);
  if (dataRemoved.length > 0)
    parts.push(`Narrows data collected: no longer mentions ${joinWords(dataRemoved)}`);
  if (recipientsRemoved.length > 0)
    parts.push(`Narrows sharing: no longer mentions ${joinWords(recipientsRemoved)}`);
  return parts.length > 0 ? parts.join("; ") : null;
}

/** Where a word diff inserted and deleted text, as offset ranges of the new and the old text. */
function changedRanges(diff: readonly WordDiffSegment[]): {
  inserted: [number, number][];
  deleted: [number, number][];
} {
  const inserted: [number, number][] = [];
  const deleted: [number, number][] = [];
  let inOld = 0;
  let inNew = 0;
  for (const segment of diff) {
    const length = segment.text.length;
    if (segment.op === "insert" && segment.text.trim() !== "") inserted.push([inNew, inNew + length]);
    if (segment.op === "delete" && segment.text.trim() !== "") deleted.push([inOld, inOld + length]);
    if (segment.op !== "insert") inOld += length;
    if (segment.op !== "delete") inNew += length;
  }
  return { inserted, deleted };
}

/** “first changed sentence” (+ how many more), quoted from `text`. */
function quoteSentences(text: string, ranges: readonly [number, number][], maxChars: number): string {
  const touched = sentencesTouching(text, ranges);
  if (touched.length === 0) return "";
  const more =
    touched.length > 1 ? ` (and ${touched.length - 1} more sentence${touched.length > 2 ? "s" : ""})` : "";
  return `“${clip(touched[0]!, maxChars)}”${more}`;
}

/** One plain-language line for a substantive change, quoting the provision. */
export function substantiveLine(c: AssessedChange, maxChars: number): string {
  const a = c.assessment;
  if (c.after && !c.before) return `Adds a provision${where(c.after)}: “${excerpt(c.after.text, maxChars)}”`;
  if (c.before && !c.after) {
    const quote = excerpt(c.before.text, maxChars);
    if (a.lostProtective.length > 0)
      return `Removes a protective provision on ${topicOf(a.lostProtective)}: “${quote}”`;
    return `Removes the provision${where(c.before)}: “${quote}”`;
  }
  const before = c.before!;
  const after = c.after!;
  const oldText = technicalText(before.text);
  const newText = technicalText(after.text);
  const diff = wordDiff(oldText, newText, SUMMARY_EDIT_LENGTH);
  const { inserted, deleted } = changedText(diff);
  const ranges = changedRanges(diff);
  const nowReads = quoteSentences(newText, ranges.inserted, maxChars);
  const removed = quoteSentences(oldText, ranges.deleted, maxChars);
  const subject = where(after) || where(before);
  const terms = termLine(a);
  if (terms) return `${terms} (provision${subject})${nowReads ? `: ${nowReads}` : ""}`;
  if (a.gainedConcerning.length > 0) {
    const base = topicOf(before.clauses);
    const extended = topicOf(a.gainedConcerning);
    const quote = nowReads ? `: ${nowReads}` : "";
    return base
      ? `Extends the provision on ${base} to ${extended}${quote}`
      : `Rewrites a provision${subject} so that it now covers ${extended}${quote}`;
  }
  if (a.lostProtective.length > 0) {
    return `Weakens the provision on ${topicOf(a.lostProtective)}${removed ? `; removed: ${removed}` : ""}`;
  }
  if (wordCount(inserted) + wordCount(deleted) <= SMALL_REWORDING_WORDS) {
    const from = deleted === "" ? "" : `“${clip(deleted, 40)}”`;
    const to = inserted === "" ? "" : `“${clip(inserted, 40)}”`;
    const detail = from && to ? `${from} → ${to}` : from ? `removes ${from}` : `adds ${to}`;
    return `Rewords the provision${subject} (minor wording: ${detail})`;
  }
  if (inserted === "") return `Shortens the provision${subject}; removed: ${removed}`;
  return `Rewords the provision${subject}; now reads: ${nowReads}`;
}
