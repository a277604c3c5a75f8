import assert from "node:assert/strict";
import { it } from "node:test";
import { type ExplanationFacts, fillPlaceholders, loadKnowledge } from "./knowledge.js";

/** The shapes a platform's facts take: no name (clause type pages), a lower-case brand, a contact address. */
const FACTS: ExplanationFacts[] = [
  { platform: "the platform", contact: null },
  { platform: "edX", contact: "privacy@edx.org" },
  { platform: "GitHub", contact: null },
];

/** Word sequences that only a placeholder in the wrong place produces. */
const BROKEN = /\{|\}|\b(?:your|the|a|an|my|our) the\b|\bthe the\b|'s's\b|\s{2}|\s[,.]/i;

it("every explanation text of every clause type reads as a sentence, whatever the platform", () => {
  const knowledge = loadKnowledge();
  assert.ok(knowledge.types.length >= 40);
  const bad: string[] = [];
  for (const type of knowledge.types) {
    const e = type.explanation;
    const texts = [e.whatItIs, e.whyItMatters, e.consumerImpact, ...e.whatYouCanDo];
    for (const facts of FACTS) {
      for (const template of texts) {
        const text = fillPlaceholders(template, facts);
        const opensWell = /^[A-Z0-9“"(]/.test(text) || text.startsWith(facts.platform);
        if (!opensWell || !/[.!?)”"]$/.test(text) || BROKEN.test(text)) bad.push(`${type.id}: ${text}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});
