import assert from "node:assert/strict";
import { it } from "node:test";
import type { ClauseView, ProvisionDetail } from "../../store/queries/index.js";
import { loadKnowledge } from "../knowledge.js";
import { Explanation } from "./explanation.js";

const TEXT =
  "If your employer or school provides your account, it may see your activity on the service and reports about it.";

/** The same provision, classified as institutional sharing, as one platform's page shows it. */
function provisionOf(
  platformSlug: string,
  platformName: string,
  platformSector: string | null,
): ProvisionDetail {
  return {
    id: 7,
    versionId: 3,
    documentId: 2,
    index: 0,
    key: "p0",
    headingPath: ["Sharing"],
    start: 0,
    end: TEXT.length,
    text: TEXT,
    maxSeverity: "high",
    clauses: [],
    platformId: 1,
    platformSlug,
    platformName,
    platformSector,
    termsType: "Privacy Policy",
    recordedAt: "2026-01-01T00:00:00.000Z",
    versionSha256: "0".repeat(64),
    currentVersionId: 3,
  };
}

const clause: ClauseView = {
  id: 11,
  provisionId: 7,
  type: "sharing-institutional-clients",
  confidence: 0.9,
  polarity: "concerning",
  severity: "high",
  evidenceStart: 3,
  evidenceEnd: 35,
  source: "pattern",
  reasons: [],
};

async function render(provision: ProvisionDetail): Promise<string> {
  const knowledge = loadKnowledge();
  return String(
    await (
      <Explanation clause={clause} provision={provision} knowledge={knowledge} entities={null} level={2} />
    ),
  );
}

it("explains a clause in the words of the platform's sector", async () => {
  const zoom = await render(provisionOf("zoom", "Zoom", null));
  assert.match(
    zoom,
    /your account with Zoom, that organisation can see what you do there, such as whom you talk to/,
  );
  assert.doesNotMatch(zoom, /course|learner|FERPA/i);
  const github = await render(provisionOf("github", "GitHub", null));
  assert.match(github, /such as the repositories you create, view and contribute to/);
  assert.doesNotMatch(github, /course|learner|FERPA/i);
  const edx = await render(provisionOf("edx", "edX", null));
  assert.match(edx, /If your school or employer pays for or manages your account with edX/);
  assert.match(edx, /the courses you start and finish/);
  assert.match(edx, /FERPA/);
  // A sector stored with the platform decides over the knowledge base's list.
  assert.match(await render(provisionOf("zoom", "Zoom", "education")), /the courses you start and finish/);
});
