/**
 * Who does what, applied to findings: real sentences of the shared corpus (Open Terms Archive contributors,
 * ODC-By 1.0; see NOTICE) classified with the shipped model and taxonomy.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadTaxonomy } from "../../knowledge/index.js";
import type {
  Classification,
  ClassifiedProvision,
  Polarity,
  Provision,
  Severity,
} from "../../model/index.js";
import { readStatement } from "../frame/index.js";
import { classify } from "./classify.js";
import { frameMatters, readWithFrame } from "./frame-rules.js";

/** Each paragraph of `text` as a provision (with `context` as the lead-in of all of them). */
function classified(text: string, context?: string): ClassifiedProvision[] {
  let from = 0;
  const provisions: Provision[] = text.split("\n\n").map((p, index) => {
    const start = text.indexOf(p, from);
    from = start + p.length;
    return { index, key: `k${index}`, headingPath: [], start, end: start + p.length, text: p, context };
  });
  return classify(provisions, text);
}

/** The finding of `type` on the one provision `text` is (failing when there is none). */
function findingOf(text: string, type: string): Classification {
  const [p] = classified(text);
  const found = p!.clauses.find((c) => c.type === type);
  assert.ok(found, JSON.stringify(p!.clauses.map((c) => c.type)));
  return found;
}

describe("findings read with who does what", () => {
  it("reads a denial as the practice, protective and low (Badoo's privacy policy)", () => {
    const children = findingOf(
      "Badoo does not knowingly collect any information about or market to children, minors or anyone under the age of majority.",
      "childrens-data",
    );
    assert.deepEqual([children.polarity, children.severity], ["protective", "low"]);
  });

  it("reads a rule for the user as acceptable use, not the practice it names (Microsoft's terms)", () => {
    const [p] = classified(
      "You may not use the AI services, or data from the AI services, to create, train or improve (directly or indirectly) any AI technology.",
    );
    const types = p!.clauses.map((c) => c.type);
    assert.ok(types.includes("acceptable-use"), JSON.stringify(types));
    assert.ok(!types.includes("ai-model-training"), JSON.stringify(types));
  });

  it("keeps high for an affirmed practice but not under a limiting condition", () => {
    // Bluesky's privacy policy. (The earlier case, "… precise location-based information via the App, but only if
    // you permit us to do so", is now medium by the taxonomy's own rule: a location the person permits is their choice.)
    const [conditional] = classified(
      "Biometric Information which is described above and which is collected only by third-party providers to the extent necessary to conduct age or identity verification.",
    );
    const sensitive = conditional!.clauses.find((c) => c.type === "sensitive-data");
    assert.ok(sensitive);
    assert.equal(sensitive.severity, "medium");
    assert.ok(sensitive.severityReasons?.some((r) => r.includes("limited by") && r.includes("only")));
  });

  it("gives heading-like fragments no findings (Zoom's terms)", () => {
    for (const p of classified("Enterprise")) assert.deepEqual(p.clauses, [], p.text);
  });

  it("skips the frame only where no frame can change the finding", () => {
    // Frames of the sentences above: a denial, a user's rule, a condition, a fragment, a plain statement.
    const frames = [
      "Badoo does not knowingly collect any information about or market to children, minors or anyone under the age of majority.",
      "You may not use the AI services, or data from the AI services, to create, train or improve (directly or indirectly) any AI technology.",
      "We may collect precise location-based information via the App, but only if you permit us to do so.",
      "Enterprise",
      "We share your information with our partners.",
    ].map((t) => readStatement(t));
    const polarities: Polarity[] = ["protective", "neutral", "concerning"];
    const severities: Severity[] = ["high", "medium", "low"];
    let skipped = 0;
    let changed = 0;
    for (const type of loadTaxonomy().types)
      for (const value of polarities)
        for (const level of severities) {
          const matters = frameMatters(type, value, level);
          for (const frame of frames) {
            const read = readWithFrame(
              type,
              frame,
              { value, reasons: [], fromModel: true },
              { value: level, reasons: [] },
            );
            const same = !read.userRule && read.polarity === value && read.severity === level;
            if (!matters) assert.ok(same, `${type.id} ${value} ${level} changed by ${JSON.stringify(frame)}`);
            if (!matters) skipped++;
            if (!same) changed++;
          }
        }
    // The check is not vacuous: some combinations are skipped, and frames do change others.
    assert.ok(skipped > 0 && changed > 0, `${skipped} skipped, ${changed} changed`);
  });

  it("shows nothing of a sentence that announces a table, even a sale (Atlassian's privacy policy)", () => {
    const frame = readStatement(
      "The table below contains information about the categories of personal information we collect, our purposes of processing, and the categories of third-party recipients with whom we share the personal information.",
    );
    assert.equal(frame.defines, true);
    const sale = loadTaxonomy().byId.get("sale-of-data");
    assert.ok(sale);
    const read = readWithFrame(
      sale,
      frame,
      { value: "concerning", reasons: [], fromModel: true },
      { value: "high", reasons: [] },
    );
    assert.equal(read.severity, "low");
  });
});

describe("a condition of an earlier sentence of the evidence", () => {
  it("keeps a finding from high when the sentence naming the actor follows the limit (eBay's user agreement)", () => {
    const arbitration = findingOf(
      '**Read this User Agreement carefully as it contains provisions that govern how claims you and we have against each other are resolved (see "Disclaimer of Warranties; Limitation of Liability" and "Legal Disputes" provisions below). It also contains an Agreement to Arbitrate which will, with limited exception, require you to submit claims you have against us or related third parties to binding and final arbitration, unless you opt out of the Agreement to Arbitrate in accordance with section 19.B.9 (see [Legal Disputes, Section B](<#B. Agreement>) ("Agreement to Arbitrate")). If you do not opt out: (1) you will only be permitted to pursue claims against us or related third parties on an individual basis, not as a plaintiff or class member in any class or representative action or proceeding; (2) you will only be permitted to seek relief (including monetary, injunctive, and declaratory relief) on an individual basis; and (3) you are waiving your right to pursue disputes or claims and seek relief in a court of law and to have a jury trial.**',
      "arbitration",
    );
    assert.equal(arbitration.severity, "medium", JSON.stringify(arbitration.severityReasons));
    assert.ok(arbitration.severityReasons?.some((r) => /limited by "unless"/.test(r)));
  });
});
