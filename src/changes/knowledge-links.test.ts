import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { HIGH_WHEN_GAINED, HIGH_WHEN_LOST, RULE_CLAUSE_IDS } from "./clause-rules.js";
import { findTerms, VOCABULARY } from "./vocabulary.js";

const TAXONOMY_IDS = new Set(
  readFileSync(new URL("../../knowledge/clause-type-ids.tsv", import.meta.url), "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t")[0])
    .filter((id): id is string => id !== undefined && id !== ""),
);

describe("clause rules", () => {
  it("name only clause types of the taxonomy", () => {
    for (const id of [...RULE_CLAUSE_IDS, ...HIGH_WHEN_GAINED, ...HIGH_WHEN_LOST])
      assert.ok(TAXONOMY_IDS.has(id), id);
  });
});

describe("vocabulary", () => {
  it("has unique ids and finds its terms in running text", () => {
    assert.equal(new Set(VOCABULARY.map((t) => t.id)).size, VOCABULARY.length);
    assert.deepEqual(
      [
        ...findTerms(
          "We share your precise location and IP address with advertising partners and data brokers.",
        ),
      ].sort(),
      ["advertising-partners", "data-brokers", "ip-address", "precise-location"],
    );
    assert.deepEqual([...findTerms("Nothing relevant here.")], []);
  });
});
