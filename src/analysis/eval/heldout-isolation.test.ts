import assert from "node:assert/strict";
import { createRequire, syncBuiltinESMExports } from "node:module";
import { join, resolve } from "node:path";
import { describe, it } from "node:test";
import { classifierPaths } from "../classify/repo-paths.js";
import { shippedTrainingSet } from "../classify/shipped-model.js";
import { readLabels } from "../classify/training-data.js";
import { readLabelledDocuments } from "./reading-labels.js";

// The held-out reading set (bench/findings/) must never be trained on: its text stays out of labels/ and the
// training loader never opens it.
const root = classifierPaths().root;
const heldOut = join(root, "bench", "findings");
const normalise = (text: string): string => text.replace(/\s+/g, " ").trim().toLowerCase();

describe("held-out reading set", () => {
  it("has no block of its documents in the training labels", () => {
    const training = readLabels(classifierPaths().labels)
      .map((row) => normalise(row.text))
      .join("\u0000");
    const documents = readLabelledDocuments(join(heldOut, "labels"), join(heldOut, "documents"));
    assert.ok(documents.length >= 8);
    const leaked = documents.flatMap((doc) =>
      doc.blocks
        // From 15 words: shorter lines can be shared facts (DataRep's Cork address is in edX's policy too).
        .filter((b) => b.kind !== "heading" && b.text.split(/\s+/).length >= 15)
        .filter((b) => training.includes(normalise(b.text)))
        .map((b) => `${doc.name} block ${b.index}`),
    );
    assert.deepEqual(leaked, []);
  });

  it("is never read by the training loader", () => {
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
    assert.deepEqual(
      read.filter((p) => p.startsWith(heldOut)),
      [],
    );
  });
});
