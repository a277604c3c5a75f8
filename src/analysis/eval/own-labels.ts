/** Evaluation of the full classifier (patterns + model) on our own labels, cross-validated by platform. */
import { loadTaxonomy } from "../../knowledge/index.js";
import type { Polarity, Provision } from "../../model/index.js";
import { type ClassifierKnowledge, classify } from "../classify/classify.js";
import { readClaudette } from "../classify/claudette-corpus.js";
import { groupedFolds, splitFold } from "../classify/folds.js";
import { DEFAULT_FUSION, type FusionConfig } from "../classify/fusion.js";
import { classifierPaths } from "../classify/repo-paths.js";
import { SHIPPED_CONFIG } from "../classify/shipped-model.js";
import type { TextModel } from "../classify/text-model.js";
import { trainClauseModel } from "../classify/train-clause-model.js";
import type { TrainConfig } from "../classify/train-text-model.js";
import {
  claudetteExamples,
  type LabelledProvision,
  labelExamples,
  POLARITY_LABELS,
  readClauseTypeIds,
  readLabels,
} from "../classify/training-data.js";
import { type EvalResult, multiLabelMetrics } from "./metrics.js";

/** Options of {@link evalOwnLabels}. */
export interface OwnLabelsEvalOptions {
  /** Repository root (default: this checkout). */
  root?: string;
  /** Folds over platforms (default 5). */
  folds?: number;
  config?: TrainConfig;
  fusion?: FusionConfig;
  taxonomy?: ClassifierKnowledge;
  seed?: number;
  /** Pattern floor of the learned fusion (default PATTERN_FLOOR). */
  patternFloor?: number;
  /** Called after each fold, for progress bars. */
  onFold?: (done: number, total: number) => void;
}

/** Fused scores per clause type, plus each component alone and the agreement on polarity. */
export interface OwnLabelsEvalResult extends EvalResult {
  /** The text model alone and the taxonomy patterns alone, same folds. */
  components: { model: EvalResult; patterns: EvalResult };
  /**
   * Provision polarity (concerning if any predicted clause is, else protective if any is, else neutral)
   * against the labelled polarity, over provisions with at least one correctly predicted type.
   */
  polarity: { accuracy: number; n: number };
}

/** Normalised platform or document name, to keep a held-out platform's CLAUDETTE copy out of training. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function sameCompany(a: string, b: string): boolean {
  const x = nameKey(a);
  const y = nameKey(b);
  return x.length > 2 && y.length > 2 && (x.startsWith(y) || y.startsWith(x));
}

function provisionPolarity(polarities: readonly Polarity[]): Polarity {
  if (polarities.includes("concerning")) return "concerning";
  return polarities.includes("protective") ? "protective" : "neutral";
}

/**
 * Cross-validates the full classifier on `labels/*.jsonl`: for each fold of platforms, trains the shipped
 * configuration on the other platforms' labels plus CLAUDETTE (minus the held-out platforms' own terms), then
 * classifies each held-out provision as a one-provision document. Macro-F1 is over the types present.
 */
export function evalOwnLabels(options: OwnLabelsEvalOptions = {}): OwnLabelsEvalResult {
  const paths = classifierPaths(options.root);
  const typeIds = readClauseTypeIds(paths.clauseTypeIds);
  const rows = readLabels(paths.labels, new Set(typeIds));
  const claudette = readClaudette(paths.claudette);
  const taxonomy = options.taxonomy ?? loadTaxonomy();
  const config = options.config ?? SHIPPED_CONFIG;
  const fusion = options.fusion ?? DEFAULT_FUSION;
  const k = Math.min(options.folds ?? 5, new Set(rows.map((r) => r.platform)).size);
  const folds = groupedFolds(
    rows.map((r) => r.platform),
    k,
    options.seed ?? 23,
  );
  const fused: string[][] = rows.map(() => []);
  const modelOnly: string[][] = rows.map(() => []);
  const patternsOnly: string[][] = rows.map(() => []);
  const polarities: Polarity[][] = rows.map(() => []);
  for (let f = 0; f < k; f++) {
    const split = splitFold(folds, f);
    const heldOut = new Set(Array.from(split.test, (i) => rows[i]!.platform));
    const trainRows: LabelledProvision[] = Array.from(split.train, (i) => rows[i]!);
    const docs = claudette.filter((d) => ![...heldOut].some((p) => sameCompany(p, d.name)));
    const model = trainClauseModel([...labelExamples(trainRows), ...claudetteExamples(docs)], {
      config,
      labels: [...typeIds, POLARITY_LABELS.protective, POLARITY_LABELS.concerning],
      types: taxonomy.types,
      ...(options.patternFloor !== undefined ? { patternFloor: options.patternFloor } : {}),
    });
    for (const i of split.test) {
      const text = rows[i]!.text;
      const provision: Provision = { index: 0, key: "k", headingPath: [], start: 0, end: text.length, text };
      const run = (m: TextModel | null, fu: FusionConfig) =>
        classify([provision], text, { taxonomy, model: m, fusion: fu })[0]!.clauses;
      const clauses = run(model, fusion);
      fused[i] = clauses.map((c) => c.type);
      polarities[i] = clauses.filter((c) => rows[i]!.types.includes(c.type)).map((c) => c.polarity);
      modelOnly[i] = model
        .predict(text)
        .map((p) => p.label)
        .filter((l) => typeIds.includes(l));
      patternsOnly[i] = run(null, {
        patternAlone: Number.MIN_VALUE,
        corroboratedFactor: 1,
        patternFloor: 0,
      }).map((c) => c.type);
    }
    options.onFold?.(f + 1, k);
  }
  const truth = rows.map((r) => r.types);
  const present = typeIds.filter((t) => truth.some((types) => types.includes(t)));
  let agree = 0;
  let n = 0;
  rows.forEach((r, i) => {
    if (polarities[i]!.length === 0) return;
    n++;
    if (provisionPolarity(polarities[i]!) === r.polarity) agree++;
  });
  return {
    ...multiLabelMetrics(truth, fused, present),
    components: {
      model: multiLabelMetrics(truth, modelOnly, present),
      patterns: multiLabelMetrics(truth, patternsOnly, present),
    },
    polarity: { accuracy: n === 0 ? 0 : agree / n, n },
  };
}
