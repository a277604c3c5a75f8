import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Polarity, Severity } from "../../model/index.js";
import {
  cohensKappa,
  combineAgreements,
  compareReaders,
  isLinkLine,
  severityAgreement,
} from "./reader-agreement.js";
import { readingBlocks } from "./reading-blocks.js";
import type { LabelledDocument, ReaderFinding } from "./reading-labels.js";
import { readingFigures } from "./reading-score.js";

// Six real blocks of Vimeo's Terms of Service (bench/findings-fresh/documents/), in another order.
const TEXT = `**9\\. Disclaimers**
-------------------

VIMEO PROVIDES THE SERVICES ON AN “AS IS” AND “AS AVAILABLE” BASIS. YOU USE THE SERVICES AT YOUR OWN RISK. You must provide your own device and internet access.

* [Privacy Policy](https://vimeo.com/privacy)

**Fees:** You shall pay all fees (plus any taxes) during your subscription period and any renewal periods. Our fees may include a fixed monthly or annual fee plus variable fees for transactions or usage. We may adjust fees from time to time. We will attempt to notify you in advance of any such fee changes prior to your next billing cycle. If you do not wish to accept a fee change, you may cancel your subscription in accordance with this Agreement.

**Free Accounts**: Free members may not submit videos that they did not create or play a material part in creating.

The English version of this Agreement shall control. For convenience, we may provide translated versions of this Agreement.

Please see the [Vimeo Guidelines](https://vimeo.com/help/guidelines) for guidance on how we interpret these terms.
`;

const f = (type: string, polarity: Polarity, severity: Severity): ReaderFinding => ({
  type,
  polarity,
  severity,
});

function labelled(findings: ReaderFinding[][]): LabelledDocument {
  return { name: "vimeo-terms-of-service", text: TEXT, blocks: readingBlocks(TEXT), findings };
}

// Blocks: 0 heading, 1 "as is", 2 link line, 3 fees, 4 free accounts, 5 English version, 6 guidelines.
const first = labelled([
  [],
  [f("limitation-of-liability", "concerning", "medium")],
  [],
  [f("fees-refunds-renewal", "concerning", "medium"), f("unilateral-change", "concerning", "medium")],
  [f("acceptable-use", "neutral", "low")],
  [],
  [],
]);
const second = labelled([
  [],
  [f("limitation-of-liability", "concerning", "high")],
  [],
  [f("fees-refunds-renewal", "protective", "medium")],
  [],
  [f("choice-of-law", "concerning", "medium")],
  [],
]);

describe("compareReaders", () => {
  const agreement = compareReaders(first, second);

  it("scores the second reader's high/medium labels against the first with the reading figures", () => {
    assert.deepEqual(agreement.secondAgainstFirst.counts, {
      shown: 3,
      typeRight: 2,
      high: 1,
      highDeserved: 1,
      readerLabels: 3,
      found: 2,
      polar: 2,
      polarAgree: 1,
      polarInverted: 1,
    });
    assert.deepEqual(
      agreement.secondAgainstFirst.wrongType.map((e) => [e.provision, e.type]),
      [[5, "choice-of-law"]],
    );
    assert.deepEqual(
      agreement.secondAgainstFirst.misses.map((m) => [m.block, m.type]),
      [[3, "unilateral-change"]],
    );
  });

  it("scores the reverse direction the same way", () => {
    const c = agreement.firstAgainstSecond.counts;
    assert.deepEqual(readingFigures(c), {
      precision: 2 / 3,
      highDeserved: null,
      recall: 2 / 3,
      polarity: 0.5,
      inverted: 0.5,
    });
  });

  it("tabulates blocks with a finding, leaving out headings and link lines, and kappa from it", () => {
    assert.deepEqual(agreement.anyFinding, { both: 2, firstOnly: 1, secondOnly: 1, neither: 1 });
    // Observed 3/5; both readers say "finding" on 3/5 blocks: chance 0.52; (0.6 − 0.52) / 0.48.
    assert.ok(Math.abs((cohensKappa(agreement.anyFinding) ?? Number.NaN) - 1 / 6) < 1e-12);
  });

  it("matches types block by block and compares their severities", () => {
    assert.deepEqual(
      agreement.matched.map((m) => [m.block, m.type, m.first, m.second]),
      [
        [1, "limitation-of-liability", "medium", "high"],
        [3, "fees-refunds-renewal", "medium", "medium"],
      ],
    );
    assert.deepEqual(
      agreement.unmatched.map((u) => [u.block, u.type, u.reader]),
      [
        [3, "unilateral-change", "first"],
        [4, "acceptable-use", "first"],
        [5, "choice-of-law", "second"],
      ],
    );
    assert.deepEqual(severityAgreement(agreement.matched), {
      matched: 2,
      same: 1,
      sameShown: 2,
      differences: { "medium→high": 1 },
    });
  });

  it("adds documents up", () => {
    const twice = combineAgreements([agreement, agreement]);
    assert.deepEqual(twice.anyFinding, { both: 4, firstOnly: 2, secondOnly: 2, neither: 2 });
    assert.equal(twice.secondAgainstFirst.counts.shown, 6);
    assert.equal(twice.matched.length, 4);
  });

  it("keeps the most severe finding of a type a reader gave a block twice", () => {
    const twice = labelled([
      [],
      [f("limitation-of-liability", "neutral", "low"), f("limitation-of-liability", "concerning", "high")],
      [],
      [],
      [],
      [],
      [],
    ]);
    assert.deepEqual(
      compareReaders(twice, second).matched.map((m) => [m.block, m.first, m.second]),
      [[1, "high", "high"]],
    );
  });

  it("refuses labels of two different texts", () => {
    assert.throws(() => compareReaders(first, { ...second, text: `${TEXT}\nMore.` }), /different documents/);
  });
});

describe("cohensKappa and isLinkLine", () => {
  it("is 1 for full agreement, 0 at chance, null when every block is alike", () => {
    assert.equal(cohensKappa({ both: 3, firstOnly: 0, secondOnly: 0, neither: 2 }), 1);
    assert.equal(cohensKappa({ both: 1, firstOnly: 1, secondOnly: 1, neither: 1 }), 0);
    assert.equal(cohensKappa({ both: 0, firstOnly: 0, secondOnly: 0, neither: 4 }), null);
  });

  it("tells a table-of-contents entry from a sentence with a link", () => {
    assert.equal(isLinkLine("1. [Who We Are](#who-we-are)"), true);
    assert.equal(isLinkLine("[rep\\_tinder@prighter.com](mailto:rep_tinder@prighter.com) "), true);
    assert.equal(isLinkLine("Online: [here](https://gotinder.com/help)"), false);
  });
});
