import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readClaudette } from "./claudette-corpus.js";
import { TrainingDataError } from "./errors.js";
import {
  CLAUDETTE_KNOWN_TYPES,
  claudetteExamples,
  labelExamples,
  POLARITY_LABELS,
  REVIEWS_FILE,
  readLabels,
} from "./training-data.js";

const docs = readClaudette(new URL("./fixtures/claudette-mini", import.meta.url).pathname);

describe("training data", () => {
  it("maps CLAUDETTE tags at every level to clause types, known only for the eight mapped types", () => {
    const examples = claudetteExamples(docs);
    assert.equal(examples.length, 338);
    const law = examples.filter((e) => e.labels.includes("choice-of-law"));
    assert.equal(law.length, 4); // law1 + law2 in Google, law2 in Mozilla and in Skyscanner
    const untagged = examples.find((e) => e.labels.length === 0)!;
    assert.deepEqual(untagged.known, CLAUDETTE_KNOWN_TYPES);
    assert.ok(!untagged.known?.includes("content-licence"));
    // Google's law1 sentence is the fair variant: protective; its law2 sentence: concerning.
    const fair = law.find((e) => e.text.startsWith("If you reside in one of those countries"))!;
    assert.ok(fair.labels.includes(POLARITY_LABELS.protective));
    assert.ok(law.some((e) => e.labels.includes(POLARITY_LABELS.concerning)));
  });

  it("reads label files, adds polarity pseudo-labels and refuses unknown types", () => {
    const dir = mkdtempSync(join(tmpdir(), "labels-"));
    const line = (types: string[], polarity: string) =>
      JSON.stringify({
        platform: "P",
        document: "Terms",
        versionDate: "2024-01-01T00:00:00Z",
        text: "t",
        types,
        polarity,
      });
    writeFileSync(join(dir, "a.jsonl"), `${line(["arbitration"], "concerning")}\n${line([], "neutral")}\n`);
    const rows = readLabels(dir, new Set(["arbitration"]));
    assert.equal(rows.length, 2);
    const examples = labelExamples(rows);
    assert.deepEqual(examples[0]!.labels, ["arbitration", POLARITY_LABELS.concerning]);
    assert.deepEqual(examples[1]!.labels, []);
    assert.equal(examples[0]!.group, "platform:P");
    writeFileSync(join(dir, "b.jsonl"), `${line(["no-such-type"], "neutral")}\n`);
    assert.throws(() => readLabels(dir, new Set(["arbitration"])), TrainingDataError);
  });

  it("reads reviewers' corrections last, replacing the labels of the same platform and text", () => {
    const dir = mkdtempSync(join(tmpdir(), "labels-"));
    const line = (platform: string, text: string, types: string[]) =>
      JSON.stringify({
        platform,
        document: "Terms",
        versionDate: "2024-01-01T00:00:00Z",
        text,
        types,
        polarity: "neutral",
      });
    writeFileSync(
      join(dir, "z.jsonl"),
      [line("P", "We may share data.", ["sharing-affiliates"]), line("Q", "We may share data.", [])].join(
        "\n",
      ),
    );
    // Sorted before z.jsonl by name, yet applied after it.
    writeFileSync(join(dir, REVIEWS_FILE), line("P", "We may share data.", ["sharing-service-providers"]));
    const rows = readLabels(dir);
    assert.deepEqual(
      rows.map((r) => [r.platform, r.types]),
      [
        ["Q", []],
        ["P", ["sharing-service-providers"]],
      ],
    );
  });

  it("reads the severity of labelled lines and refuses a severity off the scale", () => {
    const dir = mkdtempSync(join(tmpdir(), "labels-"));
    const line = (severity: unknown) =>
      JSON.stringify({
        platform: "P",
        document: "Terms",
        versionDate: "2024-01-01T00:00:00Z",
        text: "t",
        types: ["arbitration", "jurisdiction"],
        polarity: "concerning",
        severity,
        typeSeverities: { arbitration: "high", jurisdiction: "medium" },
      });
    writeFileSync(join(dir, "a.jsonl"), `${line("high")}\n`);
    const [row] = readLabels(dir);
    assert.equal(row!.severity, "high");
    assert.deepEqual(row!.typeSeverities, { arbitration: "high", jurisdiction: "medium" });
    writeFileSync(join(dir, "a.jsonl"), `${line("extreme")}\n`);
    assert.throws(() => readLabels(dir), TrainingDataError);
  });
});
