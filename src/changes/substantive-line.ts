/** The wording line of a substantive provision change, and the clause names it and the deltas use. */
import type { Classification, ClassifiedProvision } from "../model/index.js";
import type { AssessedChange } from "./classify-change.js";
import { editView, isOneWordEdit, quoteSentences } from "./edit-view.js";
import { clip, excerpt, wordCount } from "./excerpt.js";
import { severityRank } from "./ranks.js";

/** Changed words at or below which a rewording is reported as minor wording. */
const SMALL_REWORDING_WORDS = 6;
/** Inserted (and deleted) words at or below which an edit is quoted whole rather than by its sentence. */
const QUOTED_EDIT_WORDS = 24;

export function lowerFirst(name: string): string {
  // Keep acronyms ("AI features") as written.
  return /^[A-Z]{2}/.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "sharing with service providers and targeted advertising": the two weightiest clause names. */
export function topicOf(clauses: readonly Classification[]): string | null {
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
export function where(p: ClassifiedProvision): string {
  const topic = topicOf(p.clauses);
  if (topic) return ` on ${topic}`;
  const heading = p.headingPath[p.headingPath.length - 1];
  return heading ? ` under “${excerpt(heading, 60)}”` : "";
}

/**
 * The wording line of a substantive change that no structured delta describes: what was added, removed or
 * reworded, named with the clause types read in it (or its heading) and quoted from the version text. It
 * never says "weakens", "broadens" or "narrows": only a delta shows a direction.
 */
export function wordingLine(c: AssessedChange, maxChars: number): string {
  if (c.after && !c.before) return `Adds a provision${where(c.after)}: “${excerpt(c.after.text, maxChars)}”`;
  if (c.before && !c.after)
    return `Removes the provision${where(c.before)}: “${excerpt(c.before.text, maxChars)}”`;
  const before = c.before!;
  const after = c.after!;
  const edit = editView(before.text, after.text);
  const { inserted, deleted } = edit;
  const subject = where(after) || where(before);
  if (wordCount(inserted) + wordCount(deleted) <= SMALL_REWORDING_WORDS) {
    const from = deleted === "" ? "" : `“${clip(deleted, 40)}”`;
    const to = inserted === "" ? "" : `“${clip(inserted, 40)}”`;
    const detail = from && to ? `${from} → ${to}` : from ? `removes ${from}` : `adds ${to}`;
    const how = isOneWordEdit(edit) ? "reworded (one word)" : "minor wording";
    return `Rewords the provision${subject} (${how}: ${detail})`;
  }
  if (inserted === "")
    return `Shortens the provision${subject}; removed: ${quoteSentences(edit.oldText, edit.deletedRanges, maxChars)}`;
  // A short edit is quoted as it is (“now says … instead of …”): a sentence cut to its first words may miss it.
  if (wordCount(inserted) <= QUOTED_EDIT_WORDS) {
    const instead =
      deleted !== "" && wordCount(deleted) <= QUOTED_EDIT_WORDS
        ? ` instead of “${clip(deleted, maxChars)}”`
        : "";
    return `Rewords the provision${subject}: now says “${clip(inserted, maxChars)}”${instead}`;
  }
  return `Rewords the provision${subject}; now reads: ${quoteSentences(edit.newText, edit.insertedRanges, maxChars)}`;
}
