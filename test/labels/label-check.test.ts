import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { TrainingDataError } from "../../src/analysis/classify/errors.js";
import {
  checkLabels,
  labelTypeIds,
  readHeldOutPlatforms,
  readReadingSetDocuments,
} from "../../src/analysis/classify/label-check.js";

const root = new URL("../../", import.meta.url).pathname;
const SHARED = process.env.CLAUSEWATCH_SHARED ?? "/work/shared";

describe("labels/", () => {
  it("holds only valid lines: known types, severity by the guidelines, no held-out platform, texts verbatim", () => {
    const labels = join(root, "labels");
    const report = checkLabels(labels, {
      knownTypes: labelTypeIds(join(root, "knowledge", "clause-type-ids.tsv")),
      heldOutPlatforms: readHeldOutPlatforms(join(labels, "held-out-platforms.txt")),
      corpusDir: join(SHARED, "corpus", "ota-contrib"),
      otherSources: {
        edX: join(SHARED, "seeds", "edx-privacy-policy-2023-06-15.md"),
        freeCodeCamp: join(SHARED, "seeds", "freecodecamp-privacy-qa-2025-02-18.md"),
      },
    });
    assert.deepEqual(report.problems.slice(0, 5), []);
    assert.ok(report.lines >= 2397, `${report.lines} lines`);
  });
});

describe("checkLabels", () => {
  // A corpus of one version, as the OTA dataset lays it out.
  const dir = mkdtempSync(join(tmpdir(), "label-check-"));
  const corpus = join(dir, "corpus");
  mkdirSync(join(corpus, "P", "Terms of Service"), { recursive: true });
  writeFileSync(
    join(corpus, "P", "Terms of Service", "2024-01-01T00-00-00Z.md"),
    "# Terms\n\nAll disputes go to binding arbitration.\n\nWe do not sell your data.\n",
  );
  const line = (fields: Record<string, unknown>): string =>
    JSON.stringify({
      platform: "P",
      document: "Terms of Service",
      versionDate: "2024-01-01T00:00:00Z",
      text: "All disputes go to binding arbitration.",
      types: ["arbitration"],
      polarity: "concerning",
      severity: "high",
      ...fields,
    });
  const check = (lines: string[]): string[] => {
    const labels = mkdtempSync(join(tmpdir(), "labels-"));
    writeFileSync(join(labels, "a.jsonl"), `${lines.join("\n")}\n`);
    return checkLabels(labels, {
      knownTypes: new Set(["arbitration", "sale-of-data", "jurisdiction"]),
      heldOutPlatforms: ["Brevo"],
      corpusDir: corpus,
    }).problems.map((p) => `${p.line}: ${p.message}`);
  };

  it("accepts lines that follow the guidelines", () => {
    assert.deepEqual(
      check([
        line({}),
        line({
          text: "We do not sell your data.",
          types: ["sale-of-data"],
          polarity: "protective",
          severity: "low",
        }),
        line({ text: "# Terms", types: [], polarity: "neutral", severity: null }),
        line({
          types: ["arbitration", "jurisdiction"],
          typeSeverities: { arbitration: "high", jurisdiction: "medium" },
        }),
      ]),
      [],
    );
  });

  it("reports each kind of bad line with its line number", () => {
    const problems = check([
      "{not json",
      line({ types: ["no-such-type"] }),
      line({ platform: "brevo" }),
      line({ types: [], severity: "low" }),
      line({ severity: null }),
      line({ polarity: "protective", severity: "medium" }),
      line({ typeSeverities: { arbitration: "medium" } }),
      line({ typeSeverities: { arbitration: "high", "sale-of-data": "low" } }),
      line({ text: "All disputes go to arbitration." }),
      line({ versionDate: "2023-01-01T00:00:00Z" }),
      line({ severity: "extreme" }),
    ]);
    const expected = [
      /^1: not a valid label line/,
      /^2: unknown clause type no-such-type$/,
      /^3: held-out platform brevo$/,
      /^3: source file not found/,
      /^4: a line without types has severity null$/,
      /^5: a line with types needs a severity$/,
      /^6: protective findings are low$/,
      /^7: severity must be the most severe of typeSeverities$/,
      /^8: typeSeverities names types the line does not have: sale-of-data$/,
      /^9: text not found verbatim/,
      /^10: source file not found/,
      /^11: not a valid label line/,
    ];
    assert.equal(problems.length, expected.length, problems.join("\n"));
    for (const [i, re] of expected.entries()) assert.match(problems[i]!, re);
  });
});

describe("readReadingSetDocuments", () => {
  const dir = mkdtempSync(join(tmpdir(), "dev-set-"));
  it("reads one document a line, skipping comments and blank lines", () => {
    const file = join(dir, "ok.tsv");
    writeFileSync(
      file,
      "# name\tplatform\tdocument\tversionDate\n\nyelp-tos\tYelp\tTerms of Service\t2025-09-23T06:30:31Z\n",
    );
    assert.deepEqual(readReadingSetDocuments(file), [
      {
        name: "yelp-tos",
        platform: "Yelp",
        document: "Terms of Service",
        versionDate: "2025-09-23T06:30:31Z",
      },
    ]);
  });
  it("refuses a line without its four fields, naming the file", () => {
    const file = join(dir, "bad.tsv");
    writeFileSync(file, "yelp-tos\tYelp\tTerms of Service\n");
    assert.throws(
      () => readReadingSetDocuments(file),
      (e: unknown) => e instanceof TrainingDataError && e.message.includes(file),
    );
  });
});
