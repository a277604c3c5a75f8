/** Clause classification of provisions: taxonomy patterns (precise) fused with the text model (recall). */
import {
  type ClauseType,
  loadTaxonomy,
  matchPatterns,
  type PatternHit,
  resolvePolarity,
  resolveSeverity,
} from "../../knowledge/index.js";
import type {
  Classification,
  ClassificationReason,
  ClassifiedProvision,
  Polarity,
  Provision,
  Severity,
  Span,
} from "../../model/index.js";
import { confidenceLevel } from "./confidence.js";
import { ClassifyError } from "./errors.js";
import { bestSentenceBlock, ProvisionSentences, sentencesCovering } from "./evidence.js";
import { DEFAULT_FUSION, decide, type FusionConfig, patternsWorthRunning } from "./fusion.js";
import { findNegatedPractice } from "./negation.js";
import type { SentenceSpan } from "./sentences.js";
import { loadShippedModel } from "./shipped-model.js";
import type { TextModel } from "./text-model.js";
import { POLARITY_LABELS } from "./training-data.js";

/** The part of the knowledge base classification needs. */
export interface ClassifierKnowledge {
  types: readonly ClauseType[];
}

/** Options of {@link classify}. */
export interface ClassifyOptions {
  /** Default: the repository's knowledge base. */
  taxonomy?: ClassifierKnowledge;
  /** Default: the shipped model; null classifies with patterns only. */
  model?: TextModel | null;
  /** Most model features listed per classification (default 5). */
  maxFeatures?: number;
  fusion?: FusionConfig;
}

/** What the classifier needs, resolved once per call. */
interface Resources {
  types: readonly ClauseType[];
  model: TextModel | null;
  /** Scorer index per clause type id. */
  scorerOf: Map<string, number>;
  maxFeatures: number;
  fusion: FusionConfig;
}

function resources(options: ClassifyOptions): Resources {
  const types = (options.taxonomy ?? loadTaxonomy()).types;
  const model = options.model === undefined ? loadShippedModel().model : options.model;
  const scorerOf = new Map<string, number>();
  model?.scorers.forEach((s, i) => {
    scorerOf.set(s.label, i);
  });
  return {
    types,
    model,
    scorerOf,
    maxFeatures: options.maxFeatures ?? 5,
    fusion: options.fusion ?? DEFAULT_FUSION,
  };
}

/** Where the provision's text starts in the version text (its declared offset, checked). */
function provisionOffset(provision: Provision, versionText: string): number {
  if (versionText.slice(provision.start, provision.end) === provision.text) return provision.start;
  // Tolerate shifted offsets when the text is still found: the evidence offsets are recomputed from it.
  const found = versionText.indexOf(provision.text);
  if (found < 0) throw new ClassifyError(`provision ${provision.index}: text not found in the version text`);
  return found;
}

/** The model's reading of a provision's polarity; null when the model has no polarity scorers. */
type ModelPolarity = { value: Polarity; probability: number | null } | null;

function modelPolarity(r: Resources, probs: Float64Array | null): ModelPolarity {
  if (!r.model || !probs) return null;
  const ci = r.scorerOf.get(POLARITY_LABELS.concerning);
  const pi = r.scorerOf.get(POLARITY_LABELS.protective);
  if (ci === undefined || pi === undefined) return null;
  const fires = (i: number) => probs[i]! >= r.model!.scorers[i]!.threshold;
  if (fires(ci) && (!fires(pi) || probs[ci]! >= probs[pi]!))
    return { value: "concerning", probability: probs[ci]! };
  if (fires(pi)) return { value: "protective", probability: probs[pi]! };
  return { value: "neutral", probability: null };
}

/**
 * Polarity, most explicit evidence first: the taxonomy's rules (and patterns declaring one), a negated
 * first-party practice, the model's reading of the provision (learned from our labels; it replaces the type's
 * default, which on our labels is right less often: 57 % against 68 %), and the type's default without a model.
 */
function polarityOf(
  type: ClauseType,
  evidenceText: string,
  hits: readonly PatternHit[],
  learned: ModelPolarity,
): { value: Polarity; reasons: string[] } {
  const resolved = resolvePolarity(type, evidenceText, hits);
  if (resolved.reasons.length > 0) return resolved;
  const negated = findNegatedPractice(evidenceText);
  if (negated) return { value: "protective", reasons: [`negated practice: "${negated.cue}"`] };
  if (learned) {
    const how = learned.probability === null ? "" : ` (p=${learned.probability.toFixed(2)})`;
    return { value: learned.value, reasons: [`model reads the provision as ${learned.value}${how}`] };
  }
  return resolved;
}

/** Severity from the taxonomy's rules; a protective clause is low whatever its type. */
function severityOf(
  type: ClauseType,
  provisionText: string,
  hits: readonly PatternHit[],
  polarity: Polarity,
): { value: Severity; reasons: string[] } {
  const resolved = resolveSeverity(type, provisionText, hits);
  if (polarity === "protective" && resolved.value !== "low") {
    return { value: "low", reasons: [...resolved.reasons, "protective wording"] };
  }
  return resolved;
}

/** Classifies one provision. */
function classifyOne(provision: Provision, versionText: string, r: Resources): Classification[] {
  const offset = provisionOffset(provision, versionText);
  const text = provision.text;
  const modelText = provision.context ? `${provision.context}\n${text}` : text;
  const vector = r.model ? r.model.vectorize(modelText) : null;
  const probs = r.model && vector ? r.model.probabilities(vector) : null;
  const sentences = new ProvisionSentences(text);
  let sentenceProbs: Float64Array[] | null = null;
  let learned: { value: ModelPolarity } | null = null;
  const out: Classification[] = [];

  for (const type of r.types) {
    const index = r.scorerOf.get(type.id);
    const scorer = index !== undefined && r.model ? r.model.scorers[index] : undefined;
    const modelled = scorer !== undefined && Number.isFinite(scorer.threshold) && probs !== null;
    const probability = modelled && index !== undefined ? probs![index]! : null;
    const floor = scorer?.fusion?.floor ?? r.fusion.patternFloor;
    const hits = patternsWorthRunning(probability, floor) ? matchPatterns(type, text) : [];
    const decision = decide(
      {
        patternWeight: hits[0]?.pattern.weight ?? 0,
        probability,
        threshold: scorer?.threshold ?? Number.POSITIVE_INFINITY,
        fusion: scorer?.fusion,
      },
      r.fusion,
    );
    if (!decision) continue;

    let span: SentenceSpan;
    if ((decision.patternNeeded || !decision.modelUsed || probability === null) && hits[0]) {
      span = sentencesCovering(sentences.all, hits[0].start, hits[0].end);
    } else if (sentences.all.length > 1 && r.model && index !== undefined) {
      sentenceProbs ??= sentences.all.map((s) =>
        r.model!.probabilities(r.model!.vectorize(text.slice(s.start, s.end))),
      );
      span = bestSentenceBlock(
        sentences.all,
        sentenceProbs.map((p) => p[index]!),
        scorer!.threshold,
      );
    } else {
      span = sentences.all[0] ?? { start: 0, end: text.length };
    }
    const evidence: Span = {
      start: offset + span.start,
      end: offset + span.end,
      text: text.slice(span.start, span.end),
    };

    const reasons: ClassificationReason[] = hits.map((h) => ({
      kind: "pattern",
      name: h.pattern.id,
      weight: h.pattern.weight,
    }));
    if (r.model && vector && probability !== null && decision.modelUsed) {
      for (const f of r.model.explain(vector, type.id, r.maxFeatures)) {
        reasons.push({ kind: "feature", name: f.feature, weight: round4(f.contribution) });
      }
    }
    const confidence = round4(decision.confidence);
    learned ??= { value: modelPolarity(r, probs) };
    const polarity = polarityOf(type, evidence.text, hits, learned.value);
    const severity = severityOf(type, text, hits, polarity.value);
    out.push({
      type: type.id,
      name: type.name,
      confidence,
      confidenceLevel: confidenceLevel(confidence),
      polarity: polarity.value,
      severity: severity.value,
      evidence,
      source: decision.patternNeeded || !decision.modelUsed ? "pattern" : "model",
      reasons,
      polarityReasons: polarity.reasons,
      severityReasons: severity.reasons,
    });
  }
  return out.sort((a, b) => b.confidence - a.confidence);
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/**
 * Classifies every provision of a version.
 * @param provisions the version's provisions, with offsets into `versionText`
 * @param versionText the whole version text; evidence spans are offsets into it
 * @throws ClassifyError when a provision's text is not part of `versionText`
 */
export function classify(
  provisions: readonly Provision[],
  versionText: string,
  options: ClassifyOptions = {},
): ClassifiedProvision[] {
  const r = resources(options);
  return provisions.map((p) => ({ ...p, clauses: classifyOne(p, versionText, r) }));
}
