import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { loadTaxonomy } from "../../knowledge/index.js";
import type { Provision } from "../../model/index.js";
import { classify } from "./classify.js";
import { classifierPaths } from "./repo-paths.js";
import { decodeModel, encodeModel, shippedDataHash } from "./shipped-model.js";
import { readClauseTypeIds } from "./training-data.js";

const paths = classifierPaths();

describe("shipped model", { skip: !existsSync(paths.model) && "no committed model" }, () => {
  const model = decodeModel(readFileSync(paths.model));

  it("is a trained model for every clause type, with its provenance", () => {
    for (const id of readClauseTypeIds(paths.clauseTypeIds)) assert.ok(model.labels.includes(id), id);
    assert.match(model.provenance?.dataHash ?? "", /^[0-9a-f]{64}$/);
    assert.ok((model.provenance?.examples ?? 0) > 10_000);
  });

  // A stale model still classifies, so nothing else notices: the demo and every bench would quietly read with a model
  // trained before the latest label or pattern edits.
  it("is trained on the committed labels, CLAUDETTE and patterns (else: npm run train)", () => {
    assert.equal(model.provenance?.dataHash, shippedDataHash());
  });

  it("encodes to the same bytes it was decoded from", () => {
    assert.deepEqual(encodeModel(model), readFileSync(paths.model));
  });

  it("classifies real wording with the repository's taxonomy", () => {
    const text =
      "These Terms are governed by the laws of England and Wales.\n\nWe do not sell your personal information.";
    const provisions: Provision[] = text.split("\n\n").map((p, index) => {
      const start = text.indexOf(p);
      return { index, key: `k${index}`, headingPath: [], start, end: start + p.length, text: p };
    });
    const [law, sale] = classify(provisions, text, { model, taxonomy: loadTaxonomy() });
    assert.ok(law!.clauses.some((c) => c.type === "choice-of-law"));
    const sold = sale!.clauses.find((c) => c.type === "sale-of-data");
    assert.ok(sold, JSON.stringify(sale!.clauses.map((c) => c.type)));
    assert.equal(sold.polarity, "protective");
  });
});
