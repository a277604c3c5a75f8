/**
 * The dashboard's "most severe provisions" on the analysed demo corpus hold no finding a careful reader would
 * call wrong (READING.md). Every clear high or medium finding they show must be listed, with a reader's verdict,
 * in test/fixtures/demo-top-findings/verdicts.json: a wrong verdict fails, and so does a finding nobody has
 * judged yet, so the list is kept current when the reading changes.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { mostSevereProvisions, type ProvisionListItem } from "../../src/store/queries/index.js";
import { type DemoStore, openDemoStore } from "./helpers/demo-store.js";

/** A reader's verdict on one finding shown on the dashboard. */
interface Verdict {
  platform: string;
  termsType: string;
  /** The provision's first 80 characters. */
  excerpt: string;
  type: string;
  severity: "high" | "medium";
  verdict: "right" | "wrong";
  why: string;
}

const VERDICTS: Verdict[] = JSON.parse(
  readFileSync(new URL("../fixtures/demo-top-findings/verdicts.json", import.meta.url), "utf8"),
);

/** How the dashboard reads a finding as shown: clear (confidence ≥ 0.5), high or medium, not protective. */
function shownFindings(items: readonly ProvisionListItem[]) {
  return items.flatMap((p) =>
    p.clauses
      .filter((c) => c.confidence >= 0.5 && c.polarity !== "protective" && c.severity !== "low")
      .map((c) => ({
        platform: p.platformName,
        termsType: p.termsType,
        excerpt: p.text.replace(/\s+/g, " ").slice(0, 80),
        type: c.type,
        severity: c.severity,
      })),
  );
}

describe("demo dashboard: most severe provisions", () => {
  let demo: DemoStore;
  before(async () => {
    demo = await openDemoStore();
  });
  after(async () => {
    await demo?.dispose();
  });

  it("shows only findings a reader judged right", async () => {
    const items = await mostSevereProvisions(demo.store.backend, { limit: 8 });
    const shown = shownFindings(items);
    assert.ok(shown.length > 0, "the dashboard shows findings");
    const unjudged: string[] = [];
    const wrong: string[] = [];
    for (const f of shown) {
      const verdict = VERDICTS.find(
        (v) =>
          v.platform === f.platform &&
          v.termsType === f.termsType &&
          v.excerpt === f.excerpt &&
          v.type === f.type &&
          v.severity === f.severity,
      );
      if (!verdict) unjudged.push(JSON.stringify(f));
      else if (verdict.verdict !== "right") wrong.push(`${JSON.stringify(f)}: ${verdict.why}`);
    }
    assert.deepEqual(wrong, [], "findings judged wrong are shown");
    assert.deepEqual(unjudged, [], "findings without a verdict: judge them in verdicts.json");
  });
});
