import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadSectors, loadTaxonomy, type Sector } from "../../knowledge/index.js";
import { explanationTexts, fillTemplate, type TemplateFacts } from "./fill-template.js";

const sectors = loadSectors();
const types = loadTaxonomy().types;

/** The ways a text is filled: about no platform, then per sector unnamed, a lower-case brand, a named one. */
function factsOf(sector: Sector): TemplateFacts[] {
  return [
    { sector },
    { sector, platformName: "edX" },
    { sector, platformName: "GitHub", contact: "privacy@github.com" },
  ];
}
const EVERY_FACT: TemplateFacts[] = [{}, ...[...sectors.byId.values()].flatMap(factsOf)];

/** Word sequences that only a placeholder in the wrong place produces. */
const BROKEN: [RegExp, string][] = [
  [/[{}]/, "placeholder left"],
  [/\b(?:the|your|a|an|my|our|its) (?:the|your|a|an|my|our)\b/i, "two determiners"],
  [/\b(\w+) \1\b/i, "doubled word"],
  [/\s{2}/, "double space"],
  [/\s[,.;:!?]/, "space before punctuation"],
  [/'s's\b/, "double possessive"],
];
const OPENS = /^[A-Z0-9“"(]/;
const ENDS = /[.!?)”"]$/;
/** Words of online learning, which must not reach the explanations of any other sector. */
const LEARNING = /\b(?:courses?|course work|learners?|lessons?|FERPA|students?|grades)\b/i;

/** Why a filled text does not read as a sentence, or null when it does. */
function flaw(text: string, facts: TemplateFacts): string | null {
  for (const [pattern, what] of BROKEN) if (pattern.test(text)) return what;
  if (!OPENS.test(text) && !(facts.platformName && text.startsWith(facts.platformName)))
    return "opens without a capital";
  if (!ENDS.test(text)) return "ends without punctuation";
  return null;
}

describe("explanation templates", () => {
  it("every text of every clause type reads as a sentence for every sector, and for no platform", () => {
    assert.ok(types.length >= 40 && sectors.byId.size >= 10);
    const bad: string[] = [];
    let checked = 0;
    for (const type of types) {
      for (const facts of EVERY_FACT) {
        const e = explanationTexts(type.explanation, facts);
        for (const text of [e.whatItIs, e.whyItMatters, e.consumerImpact, ...e.whatYouCanDo]) {
          checked++;
          const problem = flaw(text, facts);
          if (problem) bad.push(`${type.id} (${facts.sector?.id ?? "no platform"}): ${problem}: ${text}`);
        }
      }
    }
    assert.deepEqual(bad, []);
    assert.ok(checked > types.length * EVERY_FACT.length * 5, `${checked} texts`);
  });

  it("speaks of learning only to learning platforms", () => {
    const leaks: string[] = [];
    for (const sector of sectors.byId.values()) {
      if (sector.id === "learning") continue;
      for (const type of types) {
        const e = explanationTexts(type.explanation, { sector, platformName: "Zoom" });
        for (const text of [e.whatItIs, e.whyItMatters, e.consumerImpact, ...e.whatYouCanDo])
          if (LEARNING.test(text)) leaks.push(`${sector.id} ${type.id}: ${text}`);
      }
    }
    assert.deepEqual(leaks, []);
  });

  it("words one clause type for each platform's sector, with the sector's own actions", () => {
    const type = types.find((t) => t.id === "sharing-institutional-clients");
    assert.ok(type);
    const of = (slug: string, name: string) =>
      explanationTexts(type.explanation, { platformName: name, sector: sectors.of({ slug, sector: null }) });
    const edx = of("edx", "edX");
    assert.match(edx.whatItIs, /^If your school or employer pays for or manages your account with edX,/);
    assert.match(edx.whatItIs, /such as the courses you start and finish/);
    assert.ok(edx.whatYouCanDo.some((action) => action.includes("FERPA")));
    const github = of("github", "GitHub");
    assert.match(github.whatItIs, /such as the repositories you create, view and contribute to/);
    assert.match(github.whyItMatters, /Many developers assume/);
    assert.ok(!github.whatYouCanDo.some((action) => action.includes("FERPA")));
    assert.equal(github.whatYouCanDo.length, edx.whatYouCanDo.length - 1);
    assert.match(of("zoom", "Zoom").whatItIs, /such as whom you talk to, when and for how long/);
    // A sector the platform's record names wins over the list.
    const named = explanationTexts(type.explanation, {
      sector: sectors.of({ slug: "zoom", sector: "Education" }),
    });
    assert.match(
      named.whatItIs,
      /^If your school or employer pays for or manages your account with the platform,/,
    );
  });

  it("capitalises a value that opens a sentence, except the platform's own name", () => {
    const learning = sectors.byId.get("learning");
    assert.ok(learning);
    assert.equal(
      fillTemplate("{institution} decides. Ask: {platform} or {contact}.", { sector: learning }),
      "Your school or employer decides. Ask: The platform or the platform's privacy contact.",
    );
    assert.equal(
      fillTemplate("{platform} decides; write to {contact}.", { platformName: "edX", sector: learning }),
      "edX decides; write to edX's privacy contact.",
    );
    assert.equal(fillTemplate("Keep {nothing} as it is.", {}), "Keep {nothing} as it is.");
  });
});
