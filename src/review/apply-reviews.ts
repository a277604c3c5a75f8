/** Makes reviewers' verdicts the provision's classifications, so they count wherever classifications are read. */
import { severityOf } from "../analysis/classify/classify.js";
import { splitSentences } from "../analysis/classify/sentences.js";
import {
  type ClauseType,
  loadTaxonomy,
  matchPatterns,
  matchSpec,
  resolvePolarity,
  type Taxonomy,
} from "../knowledge/index.js";
import type { Classification, ClassifiedProvision, Polarity, Review, Span } from "../model/index.js";
import { correctedTypes } from "./corrected-types.js";

/** The type a review leaves on the provision (none for a rejection). */
function outcome(r: Review): string | null {
  if (r.verdict === "reject") return null;
  return r.verdict === "relabel" ? r.newType : r.clauseType;
}

/** Whether a review takes `type` off the provision: rejects it, or relabels it as another type. */
function removes(r: Review, type: string): boolean {
  return r.clauseType === type && (r.verdict === "reject" || r.verdict === "relabel");
}

/**
 * Index of the review that put `type` on the provision, looking before `upto`: the last add or relabel to it
 * since it was last removed; -1 when the machine's classification stands at that point (or none does).
 */
function introducedAt(reviews: readonly Review[], type: string, upto: number): number {
  for (let i = upto - 1; i >= 0; i--) {
    const r = reviews[i]!;
    if (removes(r, type)) return -1;
    if (outcome(r) === type && r.verdict !== "confirm") return i;
  }
  return -1;
}

/** A span of the provision (offsets relative to it) moved into the version text. */
function spanOf(p: ClassifiedProvision, start: number, end: number): Span {
  return { start: p.start + start, end: p.start + end, text: p.text.slice(start, end) };
}

/**
 * Evidence of a type the classifier did not find: the first sentence that names the type's subject (what a
 * provision must mention to be about it), else the whole provision.
 */
function addedEvidence(p: ClassifiedProvision, type: ClauseType | undefined): Span {
  const subject = type?.subject;
  if (subject)
    for (const s of splitSentences(p.text))
      if (matchSpec(subject, p.text.slice(s.start, s.end))) return spanOf(p, s.start, s.end);
  return spanOf(p, 0, p.text.length);
}

/**
 * Where `type` stands in the provision once the reviews before `upto` are applied: a relabelled type keeps the
 * evidence of the type it replaced, an added one quotes its subject, a machine one keeps its own.
 */
function evidenceOf(
  p: ClassifiedProvision,
  reviews: readonly Review[],
  type: string,
  upto: number,
  taxonomy: Taxonomy,
): Span {
  const at = introducedAt(reviews, type, upto);
  if (at < 0)
    return p.clauses.find((c) => c.type === type)?.evidence ?? addedEvidence(p, taxonomy.byId.get(type));
  const r = reviews[at]!;
  return r.verdict === "relabel"
    ? evidenceOf(p, reviews, r.clauseType, at, taxonomy)
    : addedEvidence(p, taxonomy.byId.get(type));
}

/** The reviews that decided `type` since it was last put on the provision (or, machine-found, ever), oldest first. */
function decidingReviews(reviews: readonly Review[], type: string): Review[] {
  const from = introducedAt(reviews, type, reviews.length);
  const since =
    from < 0 ? reviews.slice(reviews.findLastIndex((r) => removes(r, type)) + 1) : reviews.slice(from);
  return since.filter((r) => outcome(r) === type);
}

const VERDICT_TEXT: Record<Review["verdict"], string> = {
  confirm: "confirmed",
  reject: "rejected",
  relabel: "relabelled",
  add: "added",
};

/** What a reason says of a review, e.g. `review #3: relabelled sharing-affiliates as sharing-processors by ana`. */
function reviewReason(r: Review): string {
  const what = r.verdict === "relabel" ? `${r.clauseType} as ${r.newType}` : r.clauseType;
  return `review #${r.id}: ${VERDICT_TEXT[r.verdict]} ${what} by ${r.reviewer}${r.note ? ` (${r.note})` : ""}`;
}

/** The classification of `type` as reviewers decided it. */
function reviewedClassification(
  p: ClassifiedProvision,
  reviews: readonly Review[],
  type: string,
  taxonomy: Taxonomy,
): Classification {
  const deciding = decidingReviews(reviews, type);
  const machine = p.clauses.find((c) => c.type === type);
  const known = taxonomy.byId.get(type);
  const evidence = evidenceOf(p, reviews, type, reviews.length, taxonomy);
  const hits = known ? matchPatterns(known, p.text, p.context) : [];
  const given = deciding.findLast((r) => r.polarity !== null)?.polarity ?? null;
  // A type the machine found and a reviewer only confirmed keeps the machine's reading; one a reviewer put there
  // is read by the type's own rules.
  const introduced = introducedAt(reviews, type, reviews.length) >= 0 || !machine;
  const polarity: { value: Polarity; reasons: string[] } = given
    ? { value: given, reasons: ["set by a reviewer"] }
    : introduced && known
      ? resolvePolarity(known, evidence.text, hits)
      : { value: machine?.polarity ?? "neutral", reasons: machine?.polarityReasons ?? [] };
  const severity = known
    ? severityOf(known, p.text, hits, polarity.value)
    : { value: machine?.severity ?? "low", reasons: machine?.severityReasons ?? [] };
  return {
    type,
    name: known?.name ?? machine?.name ?? type,
    confidence: 1,
    confidenceLevel: "High",
    polarity: polarity.value,
    severity: severity.value,
    evidence,
    source: "reviewer",
    reasons: deciding.map((r) => ({ kind: "reviewer", name: reviewReason(r), weight: 1 })),
    polarityReasons: polarity.reasons,
    severityReasons: severity.reasons,
  };
}

/**
 * Applies the reviews of a provision's text (oldest first) to its classifications: `reject` removes the type,
 * `relabel T=U` replaces T by U (keeping T's evidence), `add` adds the type (quoting the sentence that names its
 * subject, else the whole provision), `confirm` keeps it. A later verdict on a type overrides an earlier one
 * (which types remain is {@link correctedTypes}'s decision). Every type a reviewer decided becomes a
 * `source: "reviewer"` classification of confidence 1, with the polarity the reviewer gave, else (added or
 * relabelled) the type's rules' reading, else the machine's; its severity follows the type's rules.
 * Types no review touched stay as the machine found them. Pure: returns `provision` itself when there are no
 * reviews, a new provision otherwise.
 */
export function applyReviews(
  provision: ClassifiedProvision,
  reviews: readonly Review[],
  taxonomy: Taxonomy = loadTaxonomy(),
): ClassifiedProvision {
  if (reviews.length === 0) return provision;
  const clauses = correctedTypes(
    provision.clauses.map((c) => c.type),
    reviews,
  ).map(({ type, confirmed }) =>
    confirmed
      ? reviewedClassification(provision, reviews, type, taxonomy)
      : provision.clauses.find((c) => c.type === type)!,
  );
  return { ...provision, clauses };
}
