/**
 * Retrains the shipped model from `labels/*.jsonl` + the CLAUDETTE copy and writes
 * `src/analysis/classify/model/clause-model.json.gz`. Run: `node --import tsx src/analysis/classify/train-cli.ts`.
 */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { SHIPPED_CONFIG, shippedTrainingSet, trainShippedModel, writeShippedModel } from "./shipped-model.js";

/** What a training run produced. */
export interface TrainRun {
  file: string;
  dataHash: string;
  examples: number;
  /** Labels that got a scorer (enough positive examples). */
  modelled: number;
  ms: number;
}

/** Trains and writes the shipped model of the checkout at `root` (default: this one). */
export function runTrain(root?: string): TrainRun {
  const started = Date.now();
  const set = shippedTrainingSet(root);
  const model = trainShippedModel(set, SHIPPED_CONFIG);
  const file = writeShippedModel(model, root);
  return {
    file,
    dataHash: set.dataHash,
    examples: set.examples.length,
    modelled: model.scorers.filter((s) => Number.isFinite(s.threshold)).length,
    ms: Date.now() - started,
  };
}

/** True when this file is the script node was started with (not when it is imported). */
function isMain(): boolean {
  try {
    return (
      process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href
    );
  } catch {
    return false;
  }
}

if (isMain()) {
  const run = runTrain();
  console.log(
    `trained on ${run.examples} examples (${run.modelled} labels modelled: clause types and polarity) in ${(run.ms / 1000).toFixed(1)} s → ${run.file}`,
  );
}
