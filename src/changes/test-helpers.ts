/**
 * Helpers for the tests of src/changes (not exported by the stage): the real segmenter with a tiny, fixed
 * stand-in classifier, so that the tests exercise clause-aware rules without depending on the trained model.
 */
import { readFileSync } from "node:fs";
import { segment } from "../analysis/segment/index.js";
import type { Classification, ClassifiedProvision, Polarity, Severity } from "../model/index.js";

interface StandInRule {
  pattern: RegExp;
  type: string;
  name: string;
  polarity: Polarity;
  severity: Severity;
}

const RULES: StandInRule[] = [
  {
    pattern: /\barbitration\b/i,
    type: "arbitration",
    name: "Mandatory arbitration",
    polarity: "concerning",
    severity: "high",
  },
  {
    pattern: /\bwe do not sell\b/i,
    type: "sale-of-data",
    name: "Sale of personal data",
    polarity: "protective",
    severity: "low",
  },
  {
    pattern: /\bsell\b/i,
    type: "sale-of-data",
    name: "Sale of personal data",
    polarity: "concerning",
    severity: "high",
  },
  {
    pattern: /\badvertising partners\b/i,
    type: "targeted-advertising",
    name: "Targeted advertising and ad networks",
    polarity: "concerning",
    severity: "medium",
  },
  {
    pattern: /\bright to (?:delete|deletion|erase)/i,
    type: "right-deletion",
    name: "Deletion and account deletion",
    polarity: "protective",
    severity: "low",
  },
  {
    pattern: /\bdays'? notice\b/i,
    type: "policy-change-notice",
    name: "Policy change notification",
    polarity: "protective",
    severity: "low",
  },
  {
    pattern: /\bwe collect\b/i,
    type: "data-collected",
    name: "Personal data collected",
    polarity: "neutral",
    severity: "low",
  },
];

function standInClauses(text: string): Classification[] {
  const found: Classification[] = [];
  for (const rule of RULES) {
    if (found.some((c) => c.type === rule.type)) continue;
    const match = rule.pattern.exec(text);
    if (!match) continue;
    found.push({
      type: rule.type,
      name: rule.name,
      confidence: 0.9,
      confidenceLevel: "High",
      polarity: rule.polarity,
      severity: rule.severity,
      evidence: { start: match.index, end: match.index + match[0].length, text: match[0] },
      source: "pattern",
      reasons: [{ kind: "pattern", name: rule.type, weight: 1 }],
    });
  }
  return found;
}

/** Segments with the project's segmenter and classifies with the stand-in rules above. */
export function analyzeForTest(text: string): ClassifiedProvision[] {
  return segment(text).map((p) => ({ ...p, clauses: standInClauses(p.text) }));
}

/** A fixture version under src/changes/fixtures (Open Terms Archive contributors, ODC-By 1.0). */
export function fixture(path: string): string {
  return readFileSync(new URL(`./fixtures/${path}`, import.meta.url), "utf8");
}
