/**
 * Severity of a substantive provision change, from the clause types and polarities read before and after and
 * the data categories and recipients named: a new sharing recipient, collection category, sale, arbitration,
 * or a removed right or notice promise weighs high; rewording a concerning clause medium; the rest low.
 */
import type { Classification, ClassifiedProvision, Severity } from "../model/index.js";
import type { ChangeContext } from "./change-context.js";
import { groupOf, HIGH_WHEN_GAINED, HIGH_WHEN_LOST } from "./clause-rules.js";
import { cached, technicalText } from "./normal-forms.js";
import { maxSeverity } from "./ranks.js";
import { findTerms, termById } from "./vocabulary.js";

/** What makes a substantive change weigh, and how much. */
export interface Weight {
  severity: Severity;
  /** Clauses read as concerning after that were not concerning before (all concerning ones when added). */
  gainedConcerning: Classification[];
  /** Clauses read as protective before that are not protective after (all protective ones when removed). */
  lostProtective: Classification[];
  /** Vocabulary terms (data categories, recipients) in the after text and not the before text; empty when not `termsRelevant`. */
  termsAdded: string[];
  /** Vocabulary terms in the before text and not the after text; empty when not `termsRelevant`. */
  termsRemoved: string[];
  /** True when the provision is about collecting or sharing data, so term changes broaden or narrow it. */
  termsRelevant: boolean;
  /** Grounds of the severity, for review ("high: gains sale-of-data (concerning)"). */
  reasons: string[];
}

/** Vocabulary terms a provision mentions, remembered by its text (records of a document share most texts). */
const termsOf = cached((text: string): ReadonlySet<string> => findTerms(technicalText(text)));
const NO_TERMS: ReadonlySet<string> = new Set();

/** Verbs that make an unclassified provision worth a "broadens / narrows" note. */
const DATA_PRACTICE =
  /\b(?:collect|share|sharing|shared|disclos|sell|sold|sale|transfer|receive|obtain|gather|process)/i;

function withPolarity(p: ClassifiedProvision | null, polarity: Classification["polarity"]): Classification[] {
  return p ? p.clauses.filter((c) => c.polarity === polarity) : [];
}

function dataPracticeRelevant(p: ClassifiedProvision): boolean {
  if (p.clauses.some((c) => groupOf(c.type) === "collection" || groupOf(c.type) === "sharing")) return true;
  // Unclassified provisions (no classifier, or nothing found): fall back on the verbs of data practices.
  return p.clauses.length === 0 && DATA_PRACTICE.test(p.text);
}

/**
 * Weighs a substantive change (before null: added; after null: removed). `context` downgrades what the
 * document already said elsewhere: a clause type or term it already had is not a new practice.
 */
export function weighChange(
  before: ClassifiedProvision | null,
  after: ClassifiedProvision | null,
  context?: ChangeContext,
): Weight {
  const reasons: string[] = [before && after ? "reworded" : after ? "added" : "removed"];
  let severity: Severity = "low";
  const raise = (to: Severity, why: string): void => {
    severity = maxSeverity(severity, to);
    reasons.push(`${to}: ${why}`);
  };
  const concerningBefore = withPolarity(before, "concerning");
  const concerningAfter = withPolarity(after, "concerning");

  const wasConcerning = new Set(concerningBefore.map((c) => c.type));
  const gainedConcerning = concerningAfter.filter((c) => !wasConcerning.has(c.type));
  for (const c of gainedConcerning) {
    // Only the practices of HIGH_WHEN_GAINED weigh high; other concerning clauses are medium however the
    // classifier rates them in absolute terms (that rating is about the clause, not about the change).
    let level: Severity = HIGH_WHEN_GAINED.has(c.type) ? "high" : "medium";
    // A type the document already had elsewhere is a rewording or a move, not a new practice.
    if (level === "high" && context?.hadType("before", c.type, "concerning")) level = "medium";
    raise(level, `gains ${c.type} (concerning)`);
  }
  const stillProtective = new Set(withPolarity(after, "protective").map((c) => c.type));
  const lostProtective = withPolarity(before, "protective").filter((c) => !stillProtective.has(c.type));
  for (const c of lostProtective) {
    let level: Severity = HIGH_WHEN_LOST.has(c.type) ? "high" : "medium";
    if (level === "high" && context?.hadType("after", c.type, "protective")) level = "medium";
    raise(level, `loses ${c.type} (protective)`);
  }
  if (before && after) {
    const flipped = withPolarity(before, "protective").filter((c) =>
      concerningAfter.some((d) => d.type === c.type),
    );
    for (const c of flipped) raise("high", `${c.type} turns from protective to concerning`);
  }

  const termsRelevant = dataPracticeRelevant((after ?? before)!);
  // Terms weigh only in provisions about data practices: the others are not scanned for them.
  const termsBefore = before && termsRelevant ? termsOf(before.text) : NO_TERMS;
  const termsAfter = after && termsRelevant ? termsOf(after.text) : NO_TERMS;
  const termsAdded = [...termsAfter].filter((t) => !termsBefore.has(t));
  const termsRemoved = [...termsBefore].filter((t) => !termsAfter.has(t));
  if (after && termsAdded.length > 0 && termsRelevant) {
    const newToDocument = context ? termsAdded.filter((t) => !context.beforeMentions(t)) : termsAdded;
    const specific = newToDocument.filter((t) => !termById(t)?.generic);
    if (specific.length > 0) raise("high", `mentions new ${specific.join(", ")}`);
    else if (newToDocument.length > 0) raise("medium", `mentions new generic ${newToDocument.join(", ")}`);
    else if (before) raise("medium", `now also mentions ${termsAdded.join(", ")}`);
  }

  // Rewording a concerning clause matters; removing one (good news for users) stays low.
  if (severity === "low" && after && (concerningBefore.length > 0 || concerningAfter.length > 0)) {
    raise("medium", "concerning clause reworded");
  }
  return { severity, gainedConcerning, lostProtective, termsAdded, termsRemoved, termsRelevant, reasons };
}
