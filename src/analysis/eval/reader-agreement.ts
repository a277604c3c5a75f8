/**
 * Agreement between two readers who labelled the same document block by block (design/READING.md). One reader's
 * labels are scored against the other's with the reading figures' own scorer: each block becomes a provision
 * whose findings are that reader's, at full confidence, so "shown" means the reader's high/medium labels and the
 * five figures keep exactly the definitions ClauseWatch is measured with. Added: Cohen's kappa for "the block
 * has a finding" and, for the types both readers gave a block, how often their severities agree.
 */
import type { ClassifiedProvision, Severity } from "../../model/index.js";
import type { LabelledDocument, ReaderFinding } from "./reading-labels.js";
import { combineScores, type ReadingScore, scoreDocument } from "./reading-score.js";

/**
 * The 2 × 2 table of "the block has at least one finding", over the blocks a reader labels: not headings and not
 * link lines (tables of contents, lists of addenda), which both readers leave empty by rule and would inflate it.
 */
export interface AnyFindingTable {
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
}

/** One type that both readers gave the same block, with each reader's severity. */
export interface MatchedType {
  document: string;
  block: number;
  type: string;
  first: Severity;
  second: Severity;
}

/** One type that only one reader gave a block. */
export interface UnmatchedType {
  document: string;
  block: number;
  type: string;
  severity: Severity;
  /** Which reader gave it. */
  reader: "first" | "second";
}

/** How two readers agree on a set of documents. */
export interface ReaderAgreement {
  /** The second reader's high/medium labels scored as findings against the first reader's labels. */
  secondAgainstFirst: ReadingScore;
  /** The reverse: the first reader's high/medium labels scored against the second's. */
  firstAgainstSecond: ReadingScore;
  anyFinding: AnyFindingTable;
  matched: MatchedType[];
  unmatched: UnmatchedType[];
}

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

/** Whether a block holds nothing but links (and numbering or punctuation): a table-of-contents entry, an addendum. */
export function isLinkLine(text: string): boolean {
  return !/\p{L}/u.test(text.replace(/\[[^\]]*\]\([^)]*\)/g, ""));
}

/**
 * A reader's labels in the shape of ClauseWatch's output: one provision per block spanning exactly that block,
 * one clause per finding at confidence 1, so the scorer places each finding on its own block only.
 */
export function readerAsProvisions(doc: LabelledDocument): ClassifiedProvision[] {
  return doc.blocks.map((block) => {
    const span = { start: block.start, end: block.end, text: block.text };
    return {
      index: block.index,
      key: `block-${block.index}`,
      headingPath: block.heading === undefined ? [] : [block.heading],
      ...span,
      clauses: (doc.findings[block.index] ?? []).map((f) => ({
        type: f.type,
        name: f.type,
        confidence: 1,
        confidenceLevel: "High",
        polarity: f.polarity,
        severity: f.severity,
        evidence: span,
        source: "reviewer",
        reasons: [],
      })),
    };
  });
}

/** A block's findings by type; a type given twice keeps its most severe finding. */
function byType(findings: readonly ReaderFinding[]): Map<string, Severity> {
  const out = new Map<string, Severity>();
  for (const f of findings) {
    const seen = out.get(f.type);
    if (seen === undefined || RANK[f.severity] > RANK[seen]) out.set(f.type, f.severity);
  }
  return out;
}

function cell(first: boolean, second: boolean): keyof AnyFindingTable {
  if (first) return second ? "both" : "firstOnly";
  return second ? "secondOnly" : "neither";
}

/**
 * Compares two readers' labels of the same document (same text, same blocks).
 * @throws Error when the two label sets are not of the same document text
 */
export function compareReaders(first: LabelledDocument, second: LabelledDocument): ReaderAgreement {
  if (first.text !== second.text) throw new Error(`${first.name} and ${second.name}: different documents`);
  const anyFinding: AnyFindingTable = { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 };
  const matched: MatchedType[] = [];
  const unmatched: UnmatchedType[] = [];
  for (const block of first.blocks) {
    if (block.kind === "heading") continue;
    const a = byType(first.findings[block.index] ?? []);
    const b = byType(second.findings[block.index] ?? []);
    // A link line is outside kappa's sample; a type one reader gave it anyway still counts below.
    if (!isLinkLine(block.text)) anyFinding[cell(a.size > 0, b.size > 0)]++;
    const where = { document: first.name, block: block.index };
    for (const [type, severity] of a) {
      const other = b.get(type);
      if (other === undefined) unmatched.push({ ...where, type, severity, reader: "first" });
      else matched.push({ ...where, type, first: severity, second: other });
    }
    for (const [type, severity] of b)
      if (!a.has(type)) unmatched.push({ ...where, type, severity, reader: "second" });
  }
  return {
    secondAgainstFirst: scoreDocument(first, readerAsProvisions(second)),
    firstAgainstSecond: scoreDocument(second, readerAsProvisions(first)),
    anyFinding,
    matched,
    unmatched,
  };
}

/** Adds the agreements of several documents into one. */
export function combineAgreements(list: readonly ReaderAgreement[]): ReaderAgreement {
  const anyFinding: AnyFindingTable = { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 };
  for (const a of list)
    for (const key of Object.keys(anyFinding) as (keyof AnyFindingTable)[])
      anyFinding[key] += a.anyFinding[key];
  return {
    secondAgainstFirst: combineScores(list.map((a) => a.secondAgainstFirst)),
    firstAgainstSecond: combineScores(list.map((a) => a.firstAgainstSecond)),
    anyFinding,
    matched: list.flatMap((a) => a.matched),
    unmatched: list.flatMap((a) => a.unmatched),
  };
}

/** Cohen's kappa of a 2 × 2 table: observed agreement corrected for chance; null when chance agreement is 1. */
export function cohensKappa(t: AnyFindingTable): number | null {
  const n = t.both + t.firstOnly + t.secondOnly + t.neither;
  if (n === 0) return null;
  const observed = (t.both + t.neither) / n;
  const firstYes = (t.both + t.firstOnly) / n;
  const secondYes = (t.both + t.secondOnly) / n;
  const chance = firstYes * secondYes + (1 - firstYes) * (1 - secondYes);
  return chance === 1 ? null : (observed - chance) / (1 - chance);
}

/** Severity agreement on the types both readers gave a block: exact, and on "shown" (high/medium vs low). */
export interface SeverityAgreement {
  matched: number;
  same: number;
  sameShown: number;
  /** Counts of `first→second` severity pairs where they differ, e.g. `high→medium`. */
  differences: Record<string, number>;
}

/** How often two readers gave the same severity to the types they both gave a block. */
export function severityAgreement(matched: readonly MatchedType[]): SeverityAgreement {
  const out: SeverityAgreement = { matched: matched.length, same: 0, sameShown: 0, differences: {} };
  for (const m of matched) {
    if (m.first === m.second) out.same++;
    else {
      const key = `${m.first}→${m.second}`;
      out.differences[key] = (out.differences[key] ?? 0) + 1;
    }
    if ((m.first === "low") === (m.second === "low")) out.sameShown++;
  }
  return out;
}
