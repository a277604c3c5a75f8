/**
 * The reading figures of design/READING.md: ClauseWatch's findings on a document scored against a careful
 * reader's block labels. A finding sits on every block its provision's span overlaps. A page shows the findings
 * at high or medium severity with confidence ≥ 0.5; those are what precision, high deserved and polarity judge.
 */
import type { ClassifiedProvision, Polarity, Severity } from "../../model/index.js";
import type { ReadingBlock } from "./reading-blocks.js";
import type { LabelledDocument, ReaderFinding } from "./reading-labels.js";

/** Confidence from which a finding counts as stated (pages show it, recall accepts it). */
export const SHOWN_CONFIDENCE = 0.5;

/** Whether a page shows the finding: high or medium severity, confidence ≥ {@link SHOWN_CONFIDENCE}. */
export function isShown(finding: { severity: Severity; confidence: number }): boolean {
  return finding.severity !== "low" && finding.confidence >= SHOWN_CONFIDENCE;
}

/** Numerators and denominators of the five figures; they add up across documents. */
export interface ReadingCounts {
  /** Shown findings, and those whose type the reader gave an overlapping block. */
  shown: number;
  typeRight: number;
  /** Shown high findings, and those whose type the reader gave at high or medium. */
  high: number;
  highDeserved: number;
  /** The reader's high/medium labels (block × type), and those found on the block at confidence ≥ 0.5. */
  readerLabels: number;
  found: number;
  /** Shown findings of the right type where the reader says protective or concerning; agreeing; opposite. */
  polar: number;
  polarAgree: number;
  polarInverted: number;
}

/** The five figures, each null when its denominator is zero. */
export interface ReadingFigures {
  precision: number | null;
  highDeserved: number | null;
  recall: number | null;
  polarity: number | null;
  inverted: number | null;
}

/** One shown finding the reader does not back: wrong type, undeserved high, or a polarity disagreement. */
export interface FindingError {
  document: string;
  provision: number;
  type: string;
  severity: Severity;
  polarity: Polarity;
  confidence: number;
  /** What the reader gave the overlapping blocks: `type/polarity/severity`. */
  reader: string[];
  text: string;
}

/** A reader's high/medium label that no finding with confidence ≥ 0.5 matched. */
export interface Miss {
  document: string;
  block: number;
  type: string;
  severity: Severity;
  polarity: Polarity;
  /** Types ClauseWatch gave provisions overlapping the block (confidence ≥ 0.5). */
  found: string[];
  text: string;
}

/** Counts and the cases behind them, for one document or a whole set. */
export interface ReadingScore {
  counts: ReadingCounts;
  wrongType: FindingError[];
  undeservedHigh: FindingError[];
  polarityErrors: (FindingError & { inverted: boolean })[];
  misses: Miss[];
}

const ZERO: ReadingCounts = {
  shown: 0,
  typeRight: 0,
  high: 0,
  highDeserved: 0,
  readerLabels: 0,
  found: 0,
  polar: 0,
  polarAgree: 0,
  polarInverted: 0,
};

const OPPOSITE: Partial<Record<Polarity, Polarity>> = { protective: "concerning", concerning: "protective" };

function overlaps(a: { start: number; end: number }, b: ReadingBlock): boolean {
  return a.start < b.end && b.start < a.end;
}

function describe(f: ReaderFinding): string {
  return `${f.type}/${f.polarity}/${f.severity}`;
}

/** Scores ClauseWatch's classified provisions of one document against the reader's labels of its blocks. */
export function scoreDocument(
  doc: LabelledDocument,
  provisions: readonly ClassifiedProvision[],
): ReadingScore {
  const counts = { ...ZERO };
  const score: ReadingScore = { counts, wrongType: [], undeservedHigh: [], polarityErrors: [], misses: [] };
  const blocksOf = provisions.map((p) => doc.blocks.filter((b) => overlaps(p, b)).map((b) => b.index));

  provisions.forEach((provision, p) => {
    const reader = (blocksOf[p] ?? []).flatMap((b) => doc.findings[b] ?? []);
    for (const clause of provision.clauses.filter(isShown)) {
      const error: FindingError = {
        document: doc.name,
        provision: provision.index,
        type: clause.type,
        severity: clause.severity,
        polarity: clause.polarity,
        confidence: clause.confidence,
        reader: reader.map(describe),
        text: provision.text,
      };
      const same = reader.filter((f) => f.type === clause.type);
      counts.shown++;
      if (same.length > 0) counts.typeRight++;
      else score.wrongType.push(error);
      if (clause.severity === "high") {
        counts.high++;
        if (same.some((f) => f.severity !== "low")) counts.highDeserved++;
        else score.undeservedHigh.push(error);
      }
      const polar = same.filter((f) => f.polarity !== "neutral");
      if (polar.length === 0) continue;
      counts.polar++;
      if (polar.some((f) => f.polarity === clause.polarity)) {
        counts.polarAgree++;
        continue;
      }
      const inverted = polar.some((f) => OPPOSITE[f.polarity] === clause.polarity);
      if (inverted) counts.polarInverted++;
      score.polarityErrors.push({ ...error, inverted });
    }
  });

  doc.blocks.forEach((block, b) => {
    const stated = provisions.filter((_, p) => blocksOf[p]?.includes(b));
    const found = new Set(
      stated.flatMap((p) => p.clauses.filter((c) => c.confidence >= SHOWN_CONFIDENCE).map((c) => c.type)),
    );
    for (const label of doc.findings[b] ?? []) {
      if (label.severity === "low") continue;
      counts.readerLabels++;
      if (found.has(label.type)) counts.found++;
      else
        score.misses.push({
          document: doc.name,
          block: block.index,
          type: label.type,
          severity: label.severity,
          polarity: label.polarity,
          found: [...found],
          text: block.text,
        });
    }
  });
  return score;
}

/** Adds scores of several documents into one. */
export function combineScores(scores: readonly ReadingScore[]): ReadingScore {
  const counts = { ...ZERO };
  for (const s of scores)
    for (const key of Object.keys(counts) as (keyof ReadingCounts)[]) counts[key] += s.counts[key];
  return {
    counts,
    wrongType: scores.flatMap((s) => s.wrongType),
    undeservedHigh: scores.flatMap((s) => s.undeservedHigh),
    polarityErrors: scores.flatMap((s) => s.polarityErrors),
    misses: scores.flatMap((s) => s.misses),
  };
}

/** The five figures from their counts. */
export function readingFigures(c: ReadingCounts): ReadingFigures {
  const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);
  return {
    precision: ratio(c.typeRight, c.shown),
    highDeserved: ratio(c.highDeserved, c.high),
    recall: ratio(c.found, c.readerLabels),
    polarity: ratio(c.polarAgree, c.polar),
    inverted: ratio(c.polarInverted, c.polar),
  };
}
