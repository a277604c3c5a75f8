/** Training of the classifier's model: the text model plus, per clause type, its learned fusion with patterns. */
import type { ClauseType } from "../../knowledge/index.js";
import { type FusionRow, fitTypeFusion } from "./fit-fusion.js";
import { PATTERN_FLOOR, patternsWorthRunning } from "./fusion.js";
import { matchTypePatterns } from "./pattern-matcher.js";
import type { TextModel, TrainingProvenance } from "./text-model.js";
import { type Example, type TrainConfig, trainTextModel } from "./train-text-model.js";

/** Options of {@link trainClauseModel}. */
export interface ClauseModelOptions {
  config: TrainConfig;
  /** Clause type ids, in model order. */
  labels: readonly string[];
  /** Types whose patterns are fused with the model. */
  types: readonly ClauseType[];
  provenance?: TrainingProvenance;
  /** Patterns of a type are only run (and learned from) above this model probability (default PATTERN_FLOOR). */
  patternFloor?: number;
}

/**
 * Trains the text model, then fits each clause type's fusion on the model's held-out probabilities and the
 * type's pattern hits over the examples annotated for that type.
 */
export function trainClauseModel(examples: readonly Example[], options: ClauseModelOptions): TextModel {
  const { model, heldOut } = trainTextModel(examples, options.config, {
    labels: options.labels,
    ...(options.provenance ? { provenance: options.provenance } : {}),
  });
  if (!heldOut) return model;
  const floor = options.patternFloor ?? PATTERN_FLOOR;
  for (const type of options.types) {
    const j = options.labels.indexOf(type.id);
    if (j < 0) continue;
    const scorer = model.scorers[j]!;
    const rows = fusionRows(examples, heldOut[j]!, type, Number.isFinite(scorer.threshold), floor);
    const fusion = fitTypeFusion(rows, 7 + j, floor);
    if (fusion) scorer.fusion = fusion;
  }
  return model;
}

/**
 * The rows a type's fusion is fitted on: each example annotated for the type, with its held-out probability and
 * the type's strongest pattern hit (not looked for under the pattern floor, as at classification time).
 * @param heldOut the type's held-out probability per example (NaN where it has none)
 * @param modelled whether the model has a scorer for the type
 */
export function fusionRows(
  examples: readonly Example[],
  heldOut: ArrayLike<number>,
  type: ClauseType,
  modelled: boolean,
  floor: number,
): FusionRow[] {
  const rows: FusionRow[] = [];
  examples.forEach((e, i) => {
    if (e.known && !e.known.includes(type.id) && !e.labels.includes(type.id)) return;
    const p = heldOut[i]!;
    const probability = modelled && !Number.isNaN(p) ? p : null;
    rows.push({
      probability,
      patternWeight: patternsWorthRunning(probability, floor)
        ? (matchTypePatterns(type, e.text)[0]?.pattern.weight ?? 0)
        : 0,
      truth: e.labels.includes(type.id),
      group: e.group ?? `#${i}`,
    });
  });
  return rows;
}
