import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fixtureType } from "./fixtures/taxonomy.js";
import { fusionRows } from "./train-clause-model.js";

const type = fixtureType("sale-of-data", [
  { id: "sell", regex: "\\bsell (your )?personal information\\b", weight: 0.8 },
]);

// Sentences of Quora's and Reddit's privacy policies and Yelp's terms (bench/findings-dev/documents/).
const SELLS =
  "We do not sell your personal information to third parties, nor do we sell personal information from users under 16 years old.";
const SHARES =
  "We may receive information from cookies, which are pieces of data your browser stores and sends back to us when making requests, and similar technologies.";
const ARBITRATION =
  "THESE TERMS INCLUDE DISPUTE RESOLUTION PROVISIONS (SEE SECTION 13) THAT, WITH LIMITED EXCEPTIONS, REQUIRE THAT (1) CLAIMS YOU BRING AGAINST YELP BE RESOLVED BY BINDING, INDIVIDUAL ARBITRATION";

describe("fusionRows", () => {
  it("keeps each example annotated for the type, with its held-out probability, pattern hit and truth", () => {
    const rows = fusionRows(
      [
        { text: SELLS, labels: ["sale-of-data"], group: "quora" },
        { text: SHARES, labels: [], group: "reddit" },
        // A CLAUDETTE-like sentence annotated only for arbitration says nothing about the sale of data.
        { text: ARBITRATION, labels: ["arbitration"], known: ["arbitration"] },
      ],
      [0.6, 0.3, 0.9],
      type,
      true,
      0.05,
    );
    assert.deepEqual(rows, [
      { probability: 0.6, patternWeight: 0.8, truth: true, group: "quora" },
      { probability: 0.3, patternWeight: 0, truth: false, group: "reddit" },
    ]);
  });

  it("does not look for patterns under the floor, and reads no probability for an unmodelled type", () => {
    const example = { text: SELLS, labels: ["sale-of-data"] };
    assert.equal(fusionRows([example], [0.01], type, true, 0.05)[0]?.patternWeight, 0);
    assert.deepEqual(fusionRows([example], [Number.NaN], type, false, 0.05), [
      { probability: null, patternWeight: 0.8, truth: true, group: "#0" },
    ]);
  });
});
