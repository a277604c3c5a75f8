/**
 * Whether a clause type is predicted, from its pattern hits (precise) and the model's probability (recall).
 * When the model file carries a learned fusion for the type, that decides; otherwise a fixed rule does.
 */
import { sigmoid } from "./calibration.js";
import { combineConfidence } from "./confidence.js";

/** The fixed rule used for types without a learned fusion. */
export interface FusionConfig {
  /** A pattern whose weight reaches this decides alone, whatever the model says. */
  patternAlone: number;
  /** With a weaker pattern hit, the model's threshold is multiplied by this (corroboration). */
  corroboratedFactor: number;
  /** Patterns of a modelled type are only run when the model gives it at least this probability. */
  patternFloor: number;
}

/**
 * Regexes are the expensive part of classification (≈300 patterns per provision), while the model scores all
 * types at once for almost nothing; a type the model gives less than 5 % is not worth them. Measured on our
 * labels (platform-grouped cross-validation): 2.5 candidate types per provision instead of 8.6 at 1 %, for
 * 0.4 point of macro-F1 (0.696 against 0.700).
 */
export const PATTERN_FLOOR = 0.05;

export const DEFAULT_FUSION: FusionConfig = {
  patternAlone: 0.7,
  corroboratedFactor: 0.5,
  patternFloor: PATTERN_FLOOR,
};

/**
 * A learned per-type combination: probability = σ(model·logit(p)/4 + pattern·w + hit·[w > 0] + intercept),
 * fitted by logistic regression on held-out model probabilities and the taxonomy's pattern hits over our labels.
 */
export interface TypeFusion {
  model: number;
  pattern: number;
  hit: number;
  intercept: number;
  /** Decision threshold on the fused probability, tuned on held-out folds. */
  threshold: number;
  /** The pattern floor the fusion was fitted with (patterns were not run below it). */
  floor: number;
}

/** The evidence about one clause type in one provision. */
export interface TypeEvidence {
  /** Weight of the strongest pattern that fired, 0 when none. */
  patternWeight: number;
  /** Model probability, or null when the model has no scorer for the type. */
  probability: number | null;
  /** The model's tuned decision threshold (+∞ when the type is not modelled). */
  threshold: number;
  /** Learned fusion of the type, when the model has one. */
  fusion?: TypeFusion | undefined;
}

/** What a decision rests on. */
export interface Decision {
  /** Fused confidence, 0–1. */
  confidence: number;
  /** Whether the pattern evidence was needed: without it the type would not have been predicted. */
  patternNeeded: boolean;
  /** Whether the model evidence counted (it fired, or it lifted a learned fusion). */
  modelUsed: boolean;
}

/** Whether the patterns of a type are worth running, given the model's probability. */
export function patternsWorthRunning(probability: number | null, floor: number): boolean {
  return probability === null || probability >= floor;
}

/** logit(p) / 4, clipped: the model feature of a learned fusion. */
export function modelFeature(probability: number | null): number {
  if (probability === null) return 0;
  const p = Math.min(1 - 1e-6, Math.max(1e-6, probability));
  return Math.log(p / (1 - p)) / 4;
}

/** The fused probability of a learned fusion. */
export function fusedProbability(f: TypeFusion, probability: number | null, patternWeight: number): number {
  return sigmoid(
    f.model * modelFeature(probability) +
      f.pattern * patternWeight +
      f.hit * (patternWeight > 0 ? 1 : 0) +
      f.intercept,
  );
}

/**
 * A probability below which the model alone cannot predict the type (no pattern hit): `decide` then returns null
 * for any lower probability, which lets classification skip a type without computing its fused confidence (most
 * of the 57 types of most provisions). 0 when no such bound is known. The learned fusion's bound is the
 * probability solving fused = threshold, lowered by a millionth so that rounding in either computation never
 * puts a predicted type under it.
 */
export function modelAloneBound(threshold: number, fusion?: TypeFusion): number {
  if (!fusion) return threshold;
  if (!(fusion.model > 0) || !(fusion.threshold > 0 && fusion.threshold < 1)) return 0;
  const logit = Math.log(fusion.threshold / (1 - fusion.threshold));
  const p = sigmoid((4 * (logit - fusion.intercept)) / fusion.model) * (1 - 1e-6);
  // Below the clip of modelFeature every probability reads as 1e-6: no bound there.
  return Number.isFinite(p) && p > 1e-5 ? p : 0;
}

/** Applies the learned fusion when there is one, else the fixed rule; null when the type is not predicted. */
export function decide(e: TypeEvidence, config: FusionConfig = DEFAULT_FUSION): Decision | null {
  if (e.fusion) {
    const confidence = fusedProbability(e.fusion, e.probability, e.patternWeight);
    if (!(confidence >= e.fusion.threshold)) return null;
    const withoutPattern = fusedProbability(e.fusion, e.probability, 0);
    return {
      confidence,
      patternNeeded: e.patternWeight > 0 && withoutPattern < e.fusion.threshold,
      modelUsed: e.probability !== null && e.fusion.model > 0,
    };
  }
  const modelSays = e.probability !== null && e.probability >= e.threshold;
  const patternSays =
    e.patternWeight >= config.patternAlone ||
    (e.patternWeight > 0 &&
      e.probability !== null &&
      e.probability >= e.threshold * config.corroboratedFactor);
  if (!modelSays && !patternSays) return null;
  return {
    confidence: combineConfidence(patternSays ? e.patternWeight : 0, e.probability ?? 0),
    patternNeeded: patternSays && !modelSays,
    modelUsed: modelSays,
  };
}
