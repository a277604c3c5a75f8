/** Where the classifier's repository files live, found from this module so it works from src/ and dist/. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ClassifyError } from "./errors.js";

let found: string | null = null;

/**
 * The repository root: the nearest ancestor holding `knowledge/clause-type-ids.tsv` and `package.json`. Found once
 * per process (this module does not move): the model is looked up on every classification.
 */
export function repoRoot(): string {
  found ??= findRoot();
  return found;
}

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "knowledge", "clause-type-ids.tsv")))
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new ClassifyError(`no repository root above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** Paths of the classifier's inputs and output under a repository root. */
export function classifierPaths(root: string = repoRoot()) {
  return {
    root,
    labels: join(root, "labels"),
    knowledge: join(root, "knowledge"),
    clauseTypeIds: join(root, "knowledge", "clause-type-ids.tsv"),
    claudette: join(root, "src", "analysis", "classify", "corpus", "claudette"),
    model: join(root, "src", "analysis", "classify", "model", "clause-model.json.gz"),
  };
}
