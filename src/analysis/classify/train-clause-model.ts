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
    const modelled = Number.isFinite(scorer.threshold);
    const rows: FusionRow[] = [];
    examples.forEach((e, i) => {
      if (e.known && !e.known.includes(type.id) && !e.labels.includes(type.id)) return;
      const p = heldOut[j]![i]!;
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
    const fusion = fitTypeFusion(rows, 7 + j, floor);
    if (fusion) scorer.fusion = fusion;
  }
  return model;
}
