/**
 * The model `classify` uses by default. It is produced by `trainShippedModel` (deterministic: same data, same
 * bytes) and committed gzipped, so installing needs no training and classifying starts in milliseconds. When
 * the labels have changed since, the stale model still works; with a cache directory the fresh one is trained
 * once and reused, keyed by the hash of its training data.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { type ClauseType, loadTaxonomy } from "../../knowledge/index.js";
import { canonicalJson } from "../../util/hash.js";
import { readClaudette } from "./claudette-corpus.js";
import { ModelFormatError } from "./errors.js";
import { classifierPaths } from "./repo-paths.js";
import { type StoredTextModel, TextModel } from "./text-model.js";
import { trainClauseModel } from "./train-clause-model.js";
import type { Example, TrainConfig } from "./train-text-model.js";
import {
  claudetteExamples,
  labelExamples,
  POLARITY_LABELS,
  readClauseTypeIds,
  readLabels,
} from "./training-data.js";

/** Configuration of the shipped model, chosen by cross-validation on our labels (see `evalOwnLabels`). */
export const SHIPPED_CONFIG: TrainConfig = {
  vectorizer: { wordNgrams: [1, 2], charNgrams: null, minDf: 2, sublinearTf: true, charWeight: 1 },
  learners: ["logistic", "svm"],
  c: { logistic: 8, svm: 0.5 },
  classWeightPower: 0.5,
  folds: 5,
  minPositives: 3,
  seed: 1,
  eps: 0.1,
  maxIter: 60,
};

/**
 * Weights below this magnitude are not stored, the others are rounded to 3 decimals. Measured on the training
 * texts: 99.4 % of texts get exactly the same labels as with every weight, and no probability moves by more
 * than 0.05; the file shrinks from 10 MB to about 2 MB.
 */
export const SHIPPED_PRUNE = 0.1;
const SHIPPED_DECIMALS = 3;

/** The shipped model's training set and its identity. */
export interface ShippedTrainingSet {
  examples: Example[];
  labels: string[];
  /** Clause types whose patterns are fused with the model. */
  types: readonly ClauseType[];
  /** Hash of examples, configuration and patterns: any change to one of them means retraining. */
  dataHash: string;
}

/**
 * Identity of the shipped model's inputs: configuration, patterns and the raw bytes of every label and CLAUDETTE
 * file. Hashing bytes rather than parsed examples keeps the staleness check at load time to a few milliseconds.
 */
export function shippedDataHash(
  root?: string,
  config: TrainConfig = SHIPPED_CONFIG,
  types: readonly ClauseType[] = loadTaxonomy(classifierPaths(root).knowledge).types,
): string {
  const paths = classifierPaths(root);
  const files = [
    paths.clauseTypeIds,
    ...listFiles(paths.labels, ".jsonl"),
    ...listFiles(join(paths.claudette, "sentences"), ".txt"),
    ...listFiles(join(paths.claudette, "tags"), ".txt"),
  ];
  const hash = createHash("sha256");
  hash.update(canonicalJson({ config, patterns: types.map((t) => ({ id: t.id, patterns: t.patterns })) }));
  for (const file of files) {
    hash.update(`\n${relative(paths.root, file)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}

function listFiles(dir: string, extension: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(extension))
    .sort()
    .map((f) => join(dir, f));
}

/** Reads the training set of the shipped model from a repository checkout. */
export function shippedTrainingSet(root?: string, config: TrainConfig = SHIPPED_CONFIG): ShippedTrainingSet {
  const paths = classifierPaths(root);
  const typeIds = readClauseTypeIds(paths.clauseTypeIds);
  const labels = [...typeIds, POLARITY_LABELS.protective, POLARITY_LABELS.concerning];
  const types = loadTaxonomy(paths.knowledge).types;
  const examples = [
    ...labelExamples(readLabels(paths.labels, new Set(typeIds))),
    ...claudetteExamples(readClaudette(paths.claudette)),
  ];
  return { examples, labels, types, dataHash: shippedDataHash(paths.root, config, types) };
}

/** Trains the shipped model from a training set (a minute or two on one core). */
export function trainShippedModel(set: ShippedTrainingSet, config: TrainConfig = SHIPPED_CONFIG): TextModel {
  return trainClauseModel(set.examples, {
    config,
    labels: set.labels,
    types: set.types,
    provenance: { dataHash: set.dataHash, examples: set.examples.length, config },
  });
}

/** Serialises a model to gzipped JSON; gzip's header carries no time stamp, so equal models give equal bytes. */
export function encodeModel(model: TextModel, prune = SHIPPED_PRUNE): Buffer {
  return gzipSync(JSON.stringify(model.toJSON(prune, SHIPPED_DECIMALS)), { level: 9 });
}

/** Reads a gzipped JSON model. */
export function decodeModel(bytes: Uint8Array): TextModel {
  let stored: StoredTextModel;
  try {
    stored = JSON.parse(gunzipSync(bytes).toString("utf8")) as StoredTextModel;
  } catch (error) {
    throw new ModelFormatError(`unreadable model: ${error instanceof Error ? error.message : String(error)}`);
  }
  return TextModel.fromJSON(stored);
}

/** Writes the shipped model file of a checkout (what `train` does). */
export function writeShippedModel(model: TextModel, root?: string): string {
  const file = classifierPaths(root).model;
  writeAtomically(file, encodeModel(model));
  return file;
}

function writeAtomically(file: string, bytes: Uint8Array): void {
  mkdirSync(join(file, ".."), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}

/** How the model in use was obtained. */
export interface LoadedModel {
  model: TextModel;
  /** "committed": the repository's file; "cache": trained earlier for the current data; "trained": just now. */
  origin: "committed" | "cache" | "trained";
  /** True when the model was trained on other data than the current labels. */
  stale: boolean;
}

/** Options of {@link loadShippedModel}. */
export interface LoadOptions {
  root?: string;
  /** Where models trained for newer data are kept; without it a stale committed model is used as is. */
  cacheDir?: string;
  /** Train in memory when the committed model is stale or absent and no cache is given. */
  retrainIfStale?: boolean;
}

let memo: { key: string; loaded: LoadedModel } | null = null;

/**
 * The model for the current training data: the committed file when it is current; else the cached model for
 * the data's hash; else (with a cache directory or `retrainIfStale`) a freshly trained one; else the stale
 * committed model, flagged. Memoised per process and options.
 */
export function loadShippedModel(options: LoadOptions = {}): LoadedModel {
  const paths = classifierPaths(options.root);
  // Memoised without re-hashing: training data does not change under a running process.
  const key = `${paths.root}|${options.cacheDir ?? ""}|${options.retrainIfStale === true}`;
  if (memo?.key === key) return memo.loaded;
  const dataHash = shippedDataHash(paths.root);
  const committed = existsSync(paths.model) ? decodeModel(readFileSync(paths.model)) : null;
  const cacheFile = options.cacheDir ? join(options.cacheDir, `clause-model-${dataHash}.json.gz`) : null;
  let loaded: LoadedModel;
  if (committed && committed.provenance?.dataHash === dataHash) {
    loaded = { model: committed, origin: "committed", stale: false };
  } else if (cacheFile && existsSync(cacheFile)) {
    loaded = { model: decodeModel(readFileSync(cacheFile)), origin: "cache", stale: false };
  } else if (cacheFile || options.retrainIfStale || !committed) {
    // Round-trip through the stored form so a fresh model behaves exactly like a loaded one (pruned weights).
    const model = decodeModel(encodeModel(trainShippedModel(shippedTrainingSet(paths.root))));
    if (cacheFile) writeAtomically(cacheFile, encodeModel(model));
    loaded = { model, origin: "trained", stale: false };
  } else {
    loaded = { model: committed, origin: "committed", stale: true };
  }
  memo = { key, loaded };
  return loaded;
}
