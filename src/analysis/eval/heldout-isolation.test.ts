import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { join, resolve, sep } from "node:path";
import { describe, it } from "node:test";
import { READING_SET_DOCUMENT_LISTS, readReadingSetDocuments } from "../classify/label-check.js";
import { classifierPaths } from "../classify/repo-paths.js";
import { shippedTrainingSet } from "../classify/shipped-model.js";
import { readLabels } from "../classify/training-data.js";
import { readLabelledDocuments } from "./reading-labels.js";

// The held-out reading set (bench/findings/) must never be trained on: its text stays out of labels/ and the
// training loader never opens it. The development set (bench/findings-dev/) and the fresh set
// (bench/findings-fresh/) and the study set (bench/findings-study/) come from documents whose platforms are in labels/: they must not drift further into
// training than they were when they were made.
const root = classifierPaths().root;
const heldOut = join(root, "bench", "findings");
/** The sets kept out by document, each with its folder and its list in labels/. */
const documentSets = [
  { name: "development", dir: join(root, "bench", "findings-dev"), list: READING_SET_DOCUMENT_LISTS.dev },
  { name: "fresh", dir: join(root, "bench", "findings-fresh"), list: READING_SET_DOCUMENT_LISTS.fresh },
  { name: "study", dir: join(root, "bench", "findings-study"), list: READING_SET_DOCUMENT_LISTS.study },
];
const normalise = (text: string): string => text.replace(/\s+/g, " ").trim().toLowerCase();

let training: string | undefined;
/** Every training label's text, normalised, joined by NUL: read once for all the tests. */
function trainingText(): string {
  training ??= readLabels(classifierPaths().labels)
    .map((row) => normalise(row.text))
    .join("\u0000");
  return training;
}

/** For each document of a labelled set, the indices of its blocks whose whole text is in the training labels. */
function blocksInTraining(set: string): Map<string, number[]> {
  const documents = readLabelledDocuments(join(set, "labels"), join(set, "documents"));
  assert.ok(documents.length > 0, `no labelled document in ${set}`);
  return new Map(
    documents.map((doc) => [
      doc.name,
      doc.blocks
        // From 15 words: shorter lines can be shared facts (DataRep's Cork address is in edX's policy too).
        .filter((b) => b.kind !== "heading" && b.text.split(/\s+/).length >= 15)
        .filter((b) => trainingText().includes(normalise(b.text)))
        .map((b) => b.index),
    ]),
  );
}

describe("held-out reading set", () => {
  it("has no block of its documents in the training labels", () => {
    const inTraining = blocksInTraining(heldOut);
    assert.ok(inTraining.size >= 8);
    const leaked = [...inTraining].flatMap(([name, blocks]) =>
      blocks.map((block) => `${name} block ${block}`),
    );
    assert.deepEqual(leaked, []);
  });
});

for (const set of documentSets) {
  describe(`${set.name} reading set`, () => {
    it("has no block in the training labels beyond those recorded when it was made", () => {
      const recorded = JSON.parse(readFileSync(join(set.dir, "trained-blocks.json"), "utf8")) as Record<
        string,
        number[]
      >;
      const added = [...blocksInTraining(set.dir)].flatMap(([name, blocks]) =>
        blocks.filter((block) => !recorded[name]?.includes(block)).map((block) => `${name} block ${block}`),
      );
      assert.deepEqual(added, [], `label lines were taken from a document of labels/${set.list}`);
    });

    it(`names each of its documents in labels/${set.list}`, () => {
      const listed = readReadingSetDocuments(join(classifierPaths().labels, set.list))
        .map((d) => d.name)
        .sort();
      const labelled = readLabelledDocuments(join(set.dir, "labels"), join(set.dir, "documents")).map(
        (d) => d.name,
      );
      assert.deepEqual(listed, labelled);
    });
  });
}

describe("training loader", () => {
  it("never reads the held-out, the development or the fresh set", () => {
    const fs = createRequire(import.meta.url)("node:fs") as typeof import("node:fs");
    const read: string[] = [];
    const original = { readFileSync: fs.readFileSync, readdirSync: fs.readdirSync };
    const record = (path: unknown): void => {
      if (typeof path === "string" || path instanceof URL) read.push(resolve(String(path)));
    };
    fs.readFileSync = ((path: unknown, ...rest: unknown[]) => {
      record(path);
      return (original.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
    }) as typeof fs.readFileSync;
    fs.readdirSync = ((path: unknown, ...rest: unknown[]) => {
      record(path);
      return (original.readdirSync as (...a: unknown[]) => unknown)(path, ...rest);
    }) as typeof fs.readdirSync;
    syncBuiltinESMExports();
    try {
      shippedTrainingSet(root);
    } finally {
      Object.assign(fs, original);
      syncBuiltinESMExports();
    }
    assert.ok(
      read.some((p) => p.startsWith(classifierPaths().labels)),
      "the loader reads labels/ (so this test sees its reads)",
    );
    const inSet = (p: string): boolean =>
      [heldOut, ...documentSets.map((s) => s.dir)].some((dir) => p === dir || p.startsWith(dir + sep));
    assert.deepEqual(read.filter(inSet), []);
  });
});
