/**
 * Clause-level deltas of a substantive provision change: what the analysis read before and after, compared
 * item by item (clause types, data categories, recipients, third parties, transfer countries, retention
 * periods, numbers), each with its evidence offsets in both versions and one plain-language line. A change
 * none of these describe gets one "wording" delta.
 */
import { readProvision } from "../analysis/entities/index.js";
import type {
  ChangeDelta,
  Classification,
  ClassifiedProvision,
  DeltaEvidence,
  Severity,
} from "../model/index.js";
import type { ChangeContext } from "./change-context.js";
import { type AssessedChange, demote } from "./classify-change.js";
import { groupOf, HIGH_WHEN_GAINED, HIGH_WHEN_LOST } from "./clause-rules.js";
import { type EditView, editView, isOneWordEdit, quoteSentences } from "./edit-view.js";
import { clip, excerpt } from "./excerpt.js";
import { technicalText } from "./normal-forms.js";
import { durationDays, quantitiesOf } from "./numbers.js";
import { severityRank } from "./ranks.js";
import { joinWords, lowerFirst, where, wordingLine } from "./substantive-line.js";
import { termById } from "./vocabulary.js";
import { countWords } from "./words.js";

/** The sides of one change the deltas are read from. */
interface Sides {
  before: ClassifiedProvision | null;
  after: ClassifiedProvision | null;
  edit: EditView | null;
  maxChars: number;
  context: ChangeContext | undefined;
}

/** "business transfer" for "Business transfer (merger, acquisition, bankruptcy)". */
function shortName(c: Pick<Classification, "name">): string {
  return lowerFirst(c.name.replace(/\s*\([^)]*\)/g, "").trim());
}

/** The provision's weightiest clause: concerning before protective before neutral, then confidence. */
function mainClause(p: ClassifiedProvision | null): Classification | null {
  if (!p || p.clauses.length === 0) return null;
  const rank = { concerning: 0, protective: 1, neutral: 2 } as const;
  return [...p.clauses].sort(
    (a, b) => rank[a.polarity] - rank[b.polarity] || b.confidence - a.confidence,
  )[0]!;
}

function whole(p: ClassifiedProvision | null): DeltaEvidence | null {
  return p ? { start: p.start, end: p.end } : null;
}

/** Where `pattern` (or failing that, the whole provision) is in the provision, as version offsets. */
function locate(p: ClassifiedProvision | null, pattern: RegExp | string): DeltaEvidence | null {
  if (!p) return null;
  const at =
    typeof pattern === "string"
      ? { index: p.text.toLowerCase().indexOf(pattern.toLowerCase()), length: pattern.length }
      : (() => {
          const m = pattern.exec(p.text);
          return { index: m ? m.index : -1, length: m ? m[0].length : 0 };
        })();
  return at.index >= 0 ? { start: p.start + at.index, end: p.start + at.index + at.length } : whole(p);
}

function quote(text: string, maxChars: number): string {
  return `“${clip(text, maxChars)}”`;
}

/**
 * What to quote for a clause read on one side: the whole provision when it was added or removed, else the
 * inserted text of a modified provision that falls inside the clause's evidence, or the evidence.
 */
function clauseQuote(c: Classification, s: Sides): string {
  const evidence = technicalText(c.evidence.text);
  if (!s.edit) return quote(technicalText((s.after ?? s.before)!.text), s.maxChars);
  if (s.edit.inserted !== "" && s.after?.clauses.includes(c)) {
    const pieces = s.edit.inserted.split(" … ").filter((piece) => evidence.includes(piece.trim()));
    const longest = pieces.sort((a, b) => b.length - a.length)[0];
    const piece = longest?.replace(/^[\s,;:.]+/, "").trim();
    if (piece && piece.split(/\s+/).length >= 3) return quote(piece, s.maxChars);
  }
  return quote(evidence, s.maxChars);
}

/** True when some inserted (or deleted) piece of words lies inside the clause's evidence. */
function touches(c: Classification, changed: string): boolean {
  const evidence = technicalText(c.evidence.text);
  return changed.split(" … ").some((piece) => {
    const words = piece.replace(/^[\s,;:.]+|[\s,;:.]+$/g, "");
    return words !== "" && evidence.includes(words);
  });
}

/**
 * Clause types read on one side only. Skipped for an edit of one word that turns nothing around: the
 * classifier's reading flickering on such an edit says nothing about the platform's terms.
 */
function clauseDeltas(s: Sides): ChangeDelta[] {
  const edit = s.edit;
  if (edit && isOneWordEdit(edit)) return [];
  const out: ChangeDelta[] = [];
  const typesBefore = new Set(s.before?.clauses.map((c) => c.type));
  const typesAfter = new Set(s.after?.clauses.map((c) => c.type));
  for (const c of s.after?.clauses ?? []) {
    if (typesBefore.has(c.type)) continue;
    // In a modified provision, a type read anew where no word was inserted is the classifier's flicker.
    if (edit && !touches(c, edit.inserted)) continue;
    let severity: Severity =
      c.polarity !== "concerning" ? "low" : HIGH_WHEN_GAINED.has(c.type) ? "high" : "medium";
    // A practice the document already stated elsewhere is a rewording or a move, not a new practice.
    if (severity === "high" && s.context?.hadType("before", c.type, "concerning")) severity = "medium";
    const q = clauseQuote(c, s);
    out.push({
      kind: "clause-gained",
      clauseType: c.type,
      before: [],
      after: [technicalText(c.evidence.text)],
      direction: c.polarity === "concerning" ? "broadens" : null,
      severity,
      evidenceBefore: null,
      evidenceAfter: { start: c.evidence.start, end: c.evidence.end },
      line: `Adds ${shortName(c)}: ${q}`,
    });
  }
  for (const c of s.before?.clauses ?? []) {
    if (typesAfter.has(c.type)) continue;
    // Likewise a type no longer read where no word was deleted; and losing a practice is said by the wording.
    if (edit && (c.polarity !== "protective" || !touches(c, edit.deleted))) continue;
    // A protection the new version still gives elsewhere was moved or rewritten, not removed.
    const kept = c.polarity === "protective" && s.context?.hadType("after", c.type, "protective") === true;
    const severity: Severity =
      c.polarity !== "protective" || kept ? "low" : HIGH_WHEN_LOST.has(c.type) ? "high" : "medium";
    const q = clauseQuote(c, s);
    out.push({
      kind: "clause-lost",
      clauseType: c.type,
      before: [technicalText(c.evidence.text)],
      after: [],
      direction: c.polarity === "protective" && !kept ? "narrows" : null,
      severity,
      evidenceBefore: { start: c.evidence.start, end: c.evidence.end },
      evidenceAfter: null,
      line: kept
        ? `Rewrites or moves a provision on ${shortName(c)} (still provided elsewhere): ${q}`
        : c.polarity === "protective"
          ? `Removes a protection (${shortName(c)}): ${q}`
          : `No longer says ${shortName(c)}: ${q}`,
    });
  }
  return out;
}

/** Items on one side only, compared case-insensitively. */
function difference(from: readonly string[], to: readonly string[]): string[] {
  const seen = new Set(to.map((x) => x.toLowerCase()));
  return from.filter((x) => !seen.has(x.toLowerCase()));
}

/** Data categories and recipients (the curated vocabulary) named on one side only. */
function termDeltas(a: AssessedChange, s: Sides): ChangeDelta[] {
  const w = a.assessment;
  if (!w.termsRelevant || (!s.edit && !s.after)) return [];
  // An added provision is quoted whole by its clause lines: only data or recipients new to the document add a line.
  const read = s.edit ? quoteSentences(s.edit.newText, s.edit.insertedRanges, s.maxChars) : "";
  const nowReads = read ? `: ${read}` : "";
  const out: ChangeDelta[] = [];
  const clause = mainClause(s.after ?? s.before);
  // "Extends business transfer to affiliates": only a sharing clause is extended to recipients.
  const name = clause && groupOf(clause.type) === "sharing" ? shortName(clause) : null;
  const heading = name ? "" : where(s.after!);
  const subject = heading ? ` (provision${heading})` : "";
  for (const family of ["dataCategories", "recipients"] as const) {
    const added = w.termsAdded
      .map(termById)
      .filter((t) => t?.family === family && (s.edit || !s.context?.beforeMentions(t.id)));
    const removed = s.edit ? w.termsRemoved.map(termById).filter((t) => t?.family === family) : [];
    const kind = family === "dataCategories" ? "data-categories" : "recipients";
    if (added.length > 0) {
      const labels = joinWords(added.map((t) => t!.label));
      const fresh = added.filter((t) => !s.context?.beforeMentions(t!.id));
      const severity: Severity = fresh.some((t) => !t!.generic) ? "high" : "medium";
      out.push({
        kind,
        clauseType: clause?.type ?? null,
        before: [],
        after: added.map((t) => t!.label),
        direction: "broadens",
        severity,
        evidenceBefore: null,
        evidenceAfter: locate(s.after, added[0]!.pattern),
        line:
          family === "recipients"
            ? name
              ? `Extends ${name} to ${labels}${nowReads}`
              : `Broadens sharing: now also mentions ${labels}${subject}${nowReads}`
            : `Broadens data collected: now also mentions ${labels}${subject}${nowReads}`,
      });
    }
    if (removed.length > 0 && s.after) {
      const labels = joinWords(removed.map((t) => t!.label));
      out.push({
        kind,
        clauseType: clause?.type ?? null,
        before: removed.map((t) => t!.label),
        after: [],
        direction: "narrows",
        severity: "low",
        evidenceBefore: locate(s.before, removed[0]!.pattern),
        evidenceAfter: null,
        line: `Narrows ${family === "recipients" ? (name ?? "sharing") : "data collected"}: no longer mentions ${labels}`,
      });
    }
  }
  return out;
}

/** A pair of lists read from both sides of a modified provision, as a delta when they differ. */
function listDelta(
  kind: "third-parties" | "countries" | "retention" | "numbers",
  s: Sides,
  read: (p: ClassifiedProvision) => readonly string[],
): ChangeDelta | null {
  if (!s.before || !s.after) return null;
  const before = read(s.before);
  const after = read(s.after);
  const gained = difference(after, before);
  const lost = difference(before, after);
  if (gained.length === 0 && lost.length === 0) return null;
  // A number only on one side came or went with its words: the wording line says it better.
  if (kind === "numbers" && (gained.length === 0 || lost.length === 0)) return null;
  const clause = mainClause(s.after);
  const direction = kindDirection(kind, before, after, gained, lost);
  return {
    kind,
    clauseType: clause?.type ?? null,
    before: [...before],
    after: [...after],
    direction,
    severity: gained.length > 0 || kind === "numbers" ? "medium" : "low",
    evidenceBefore: lost[0] ? locate(s.before, lost[0]) : null,
    evidenceAfter: gained[0] ? locate(s.after, gained[0]) : null,
    line: listLine(kind, s, before, after, gained, lost),
  };
}

function kindDirection(
  kind: string,
  before: readonly string[],
  after: readonly string[],
  gained: readonly string[],
  lost: readonly string[],
): ChangeDelta["direction"] {
  if (kind === "retention") {
    const longest = (xs: readonly string[]) => Math.max(-1, ...xs.map((x) => durationDays(x) ?? -1));
    const a = longest(before);
    const b = longest(after);
    if (a >= 0 && b >= 0 && a !== b) return b > a ? "broadens" : "narrows";
    return null;
  }
  if (kind === "numbers") return null;
  if (gained.length > 0 && lost.length === 0) return "broadens";
  if (lost.length > 0 && gained.length === 0) return "narrows";
  return null;
}

function listLine(
  kind: "third-parties" | "countries" | "retention" | "numbers",
  s: Sides,
  before: readonly string[],
  after: readonly string[],
  gained: readonly string[],
  lost: readonly string[],
): string {
  const subject = where(s.after!) || where(s.before!);
  const arrow = `${before.length > 0 ? joinWords(before) : "none"} → ${after.length > 0 ? joinWords(after) : "none"}`;
  switch (kind) {
    case "retention": {
      const data = retentionSubject(s.after!);
      return `Retention${data ? ` of ${data}` : ""}: ${arrow}`;
    }
    case "numbers":
      return `Changes ${lost.length > 0 ? joinWords(lost) : "nothing"} → ${gained.length > 0 ? joinWords(gained) : "nothing"}${subject}`;
    case "third-parties":
      return gained.length > 0
        ? `Names new third parties${subject}: ${joinWords(gained)}${lost.length > 0 ? ` (no longer ${joinWords(lost)})` : ""}`
        : `No longer names ${joinWords(lost)}${subject}`;
    case "countries":
      return gained.length > 0
        ? `Adds transfer places${subject}: ${joinWords(gained)}${lost.length > 0 ? ` (no longer ${joinWords(lost)})` : ""}`
        : `No longer names transfer places${subject}: ${joinWords(lost)}`;
  }
}

/** "logs" in "we keep logs for 13 months": the data category the retention sentence names, if any. */
function retentionSubject(p: ClassifiedProvision): string | null {
  const categories = readProvision(p.text).dataCategories();
  return categories[0] ? lowerFirst(categories[0]) : null;
}

function frameOf(p: ClassifiedProvision): string {
  return `${p.headingPath.join(" ")} ${p.context ?? ""}`;
}

/** Quantities not already reported as retention periods. */
function termQuantities(p: ClassifiedProvision): string[] {
  const periods = readProvision(p.text).retentionPeriods().join(" ").toLowerCase();
  return quantitiesOf(technicalText(p.text)).filter((q) => !periods.includes(q.toLowerCase()));
}

/** The wording delta of a change that no other delta describes. */
function wordingDelta(a: AssessedChange, s: Sides): ChangeDelta {
  const clause = mainClause(s.after ?? s.before);
  // A few words reworded weigh low whatever the clause: a delta, not the classifier, gives an edit weight.
  const small = s.edit !== null && countWords(s.edit.inserted) + countWords(s.edit.deleted) <= 6;
  return {
    kind: "wording",
    clauseType: clause?.type ?? null,
    before: s.edit ? [s.edit.deleted] : s.before ? [excerpt(s.before.text, s.maxChars)] : [],
    after: s.edit ? [s.edit.inserted] : s.after ? [excerpt(s.after.text, s.maxChars)] : [],
    direction: null,
    severity: small ? "low" : a.assessment.severity,
    evidenceBefore: whole(s.before),
    evidenceAfter: whole(s.after),
    line: wordingLine(a, s.maxChars),
  };
}

/**
 * The deltas of one substantive change, most severe first. Each delta's severity is capped at the change's
 * own (so a headline never says more than the record's severity); a change with no structured delta gets
 * one wording delta.
 */
export function deltasOf(a: AssessedChange, maxChars: number, context?: ChangeContext): ChangeDelta[] {
  const before = a.before;
  const after = a.after;
  const s: Sides = {
    before,
    after,
    edit: before && after ? editView(before.text, after.text) : null,
    maxChars,
    context,
  };
  const clauses = clauseDeltas(s);
  const terms = termDeltas(a, s);
  if (!s.edit && clauses[0] && terms.length > 0) {
    // An added provision is quoted whole by its clause lines: the data or recipients new to the document are
    // named in the first of them rather than in lines of their own.
    const named = joinWords(terms.flatMap((t) => t.after));
    clauses[0] = { ...clauses[0], line: clauses[0].line.replace(/:/, ` (mentions ${named}):`) };
  }
  const found: ChangeDelta[] = [...clauses, ...(s.edit || clauses.length === 0 ? terms : [])];
  const lists = [
    listDelta("retention", s, (p) => readProvision(p.text).retentionPeriods()),
    listDelta("third-parties", s, (p) => readProvision(p.text).thirdParties()),
    listDelta("countries", s, (p) => readProvision(p.text).transferPlaces(frameOf(p))),
    listDelta("numbers", s, termQuantities),
  ];
  for (const d of lists) if (d) found.push(d);
  if (found.length === 0) return [wordingDelta(a, s)];
  const cap = a.assessment.severity;
  return found
    .map((d) => (severityRank(d.severity) > severityRank(cap) ? { ...d, severity: cap } : d))
    .sort((x, y) => severityRank(y.severity) - severityRank(x.severity));
}

/**
 * The deltas of the substantive changes, most severe first (reading order among equals), and the changes
 * with one-word rewordings that no delta weighs demoted to minor ("reworded").
 */
export function weighDeltas(
  changes: readonly AssessedChange[],
  maxChars: number,
  context?: ChangeContext,
): { assessed: AssessedChange[]; deltas: ChangeDelta[] } {
  const deltas: { delta: ChangeDelta; order: number }[] = [];
  const assessed = changes.map((c, order) => {
    if (c.assessment.kind !== "substantive") return c;
    const found = deltasOf(c, maxChars, context);
    if (c.before && c.after && found.length === 1 && found[0]!.kind === "wording") {
      if (isOneWordEdit(editView(c.before.text, c.after.text))) return demote(c, "minor", "reworded");
    }
    for (const delta of found) deltas.push({ delta, order });
    return c;
  });
  // Most severe first; among equals, what was read (clauses, terms, periods) before mere wording, then in order.
  const wording = (d: ChangeDelta): number => (d.kind === "wording" ? 1 : 0);
  deltas.sort(
    (x, y) =>
      severityRank(y.delta.severity) - severityRank(x.delta.severity) ||
      wording(x.delta) - wording(y.delta) ||
      x.order - y.order,
  );
  return { assessed, deltas: deltas.map((d) => d.delta) };
}
