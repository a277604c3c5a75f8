/** Reviewers' verdicts take effect at once, everywhere, and survive re-analysis: both backends, real versions. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { gradeDocument, scaleOfTermsType } from "../../src/analysis/grade/index.js";
import { Archiver } from "../../src/archive/archiver.js";
import { importOtaDataset } from "../../src/archive/ota/index.js";
import { WarcWriter } from "../../src/archive/warc/warc-writer.js";
import { loadTaxonomy } from "../../src/knowledge/index.js";
import { createWatchlist, DEFAULT_WATCH_FILTER } from "../../src/notify/index.js";
import { catchUp, createVersionListener } from "../../src/pipeline/index.js";
import { reviewProvision } from "../../src/review/index.js";
import { createApp } from "../../src/server/index.js";
import type { Store } from "../../src/store/index.js";
import {
  clauseTypePrevalence,
  getProvision,
  getVersionAnalysis,
  listProvisions,
  type ProvisionListItem,
  searchProvisions,
} from "../../src/store/queries/index.js";
import { describeEachBackend } from "../helpers/backends.js";

const DATASET = fileURLToPath(new URL("../fixtures/ota-mini", import.meta.url));
const KNOWN = new Set(loadTaxonomy().types.map((t) => t.id));
// In Chrome's terms of versions 2 to 4 (2021–2025), reworded in 1 and 5: its change records name it.
const CHROME = "By using Chrome or ChromeOS, you agree to the Google Terms of Service";
// In Signal's privacy policy of versions 6 to 8, the last of them in force.
const SIGNAL = "**Contacts.** Signal can optionally discover";
const ALL_KINDS = { ...DEFAULT_WATCH_FILTER, kinds: ["substantive", "minor", "technical"] as const };

/**
 * Every stored copy of the provision that starts with `opening`, oldest version first: of the text most versions
 * share, when its wording changed over time.
 */
async function copiesOf(store: Store, opening: string): Promise<ProvisionListItem[]> {
  const all = await listProvisions(store.backend, { scope: "all", limit: 1000 });
  const byText = new Map<string, ProvisionListItem[]>();
  for (const p of all.filter((x) => x.text.startsWith(opening)))
    byText.set(p.text, [...(byText.get(p.text) ?? []), p]);
  const copies = [...byText.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return copies.sort((a, b) => a.versionId - b.versionId);
}

const typesOf = (p: { clauses: { type: string }[] }) => p.clauses.map((c) => c.type).sort();

async function storedScore(store: Store, versionId: number): Promise<number | null> {
  return (await getVersionAnalysis(store.backend, versionId))?.score ?? null;
}

/** The grade's points before they become a 0–100 score (the score is capped, the points are not). */
async function storedPoints(store: Store, versionId: number): Promise<number | null> {
  const details = (await getVersionAnalysis(store.backend, versionId))?.gradeDetails as {
    points?: number;
  } | null;
  return details?.points ?? null;
}

/** The grade stored for a version is the formula applied to its stored (corrected) provisions. */
async function assertGradeOfStoredProvisions(store: Store, versionId: number): Promise<void> {
  const version = (await store.versions.get(versionId))!;
  const document = (await store.documents.get(version.documentId))!;
  const expected = gradeDocument(
    await store.analyses.provisions(versionId, version.text),
    scaleOfTermsType(document.termsType),
  );
  assert.equal(await storedScore(store, versionId), expected.score, `score of version ${versionId}`);
}

describeEachBackend("reviewer verdicts applied", (get) => {
  it("change stored classifications, grades, prevalence, search, the API and change records at once, and survive recompute", async () => {
    const { store, dataDir } = get();
    // A watchlist older than the history sees its changes once; one made now sees none of them, recomputed or not.
    const everything = { name: "All", channel: "atom" as const, target: null, cadence: "immediate" as const };
    const old = await createWatchlist(
      store,
      { ...everything, filter: { ...ALL_KINDS, kinds: [...ALL_KINDS.kinds] } },
      { now: "2000-01-01T00:00:00.000Z" },
    );
    const archiver = new Archiver(store, {
      warc: new WarcWriter(join(dataDir, "warc")),
      onVersion: createVersionListener(store),
    });
    await importOtaDataset(archiver, DATASET);
    const recent = await createWatchlist(store, {
      ...everything,
      filter: { ...ALL_KINDS, kinds: [...ALL_KINDS.kinds] },
    });
    const oldAlerts = (await store.alerts.counts(old.id)).delivered;
    assert.ok(oldAlerts > 0, "the history raised alerts for the old watchlist");

    // 1. Reject a concerning type that carries points, on a text found in three versions.
    const chrome = await copiesOf(store, CHROME);
    assert.equal(chrome.length, 3, "the Chrome provision's text is in three versions");
    assert.ok(chrome.every((p) => typesOf(p).includes("contract-by-using")));
    const chromeIds = chrome.map((p) => p.id);
    const pointsBefore = await Promise.all(chrome.map((p) => storedPoints(store, p.versionId)));
    const before = await store.changes.listByDocument(chrome[0]!.documentId);

    const rejected = await reviewProvision(
      store,
      { provisionId: chrome[1]!.id, verdict: "reject", clauseType: "contract-by-using", reviewer: "ana" },
      KNOWN,
    );
    assert.deepEqual(
      [...rejected.appliedTo].sort((a, b) => a - b),
      chrome.map((p) => p.versionId),
    );

    const afterReject = await copiesOf(store, CHROME);
    assert.deepEqual(
      afterReject.map((p) => p.id),
      chromeIds,
      "re-analysis keeps the provisions' ids (their record IDs are cited)",
    );
    for (const p of afterReject) {
      assert.ok(!typesOf(p).includes("contract-by-using"), `version ${p.versionId} lost the rejected type`);
      assert.ok(!typesOf((await getProvision(store.backend, p.id))!).includes("contract-by-using"));
      const filtered = await listProvisions(store.backend, {
        versionId: p.versionId,
        clauseType: "contract-by-using",
        scope: "all",
      });
      assert.ok(!filtered.some((f) => f.id === p.id));
      // The grade counted the rejected clause (concerning, medium: -6); it no longer does.
      const points = await storedPoints(store, p.versionId);
      assert.equal(points, pointsBefore[afterReject.indexOf(p)]! + 6, `version ${p.versionId} points`);
      await assertGradeOfStoredProvisions(store, p.versionId);
    }

    // The records to the first copy and from the last one name the provision: recomputed with the corrected types.
    const records = await store.changes.listByDocument(chrome[0]!.documentId);
    const changeOf = (toVersionId: number, recs: typeof records) =>
      recs
        .find((r) => r.toVersionId === toVersionId)!
        .provisionChanges.find((c) => (c.after ?? c.before ?? "").startsWith(CHROME));
    const into = chrome[0]!.versionId;
    const outOf = (await store.versions.after(chrome[0]!.documentId, chrome[2]!.recordedAt))!.id;
    assert.deepEqual(changeOf(into, before)?.clausesAfter, ["contract-by-using"]);
    assert.deepEqual(changeOf(into, records)?.clausesAfter, []);
    assert.deepEqual(changeOf(into, records)?.clausesBefore, ["contract-by-using"]);
    assert.deepEqual(changeOf(outOf, before)?.clausesBefore, ["contract-by-using"]);
    assert.deepEqual(changeOf(outOf, records)?.clausesBefore, []);

    // 2. Add a type no platform has in force to a provision in force: prevalence, search and the API follow.
    const signal = await copiesOf(store, SIGNAL);
    assert.equal(signal.length, 3);
    const table = await clauseTypePrevalence(store.backend);
    const added = [...KNOWN].find((t) => !table.types.has(t))!;
    assert.ok(added, "some clause type is found on no current version");
    await reviewProvision(
      store,
      {
        provisionId: signal[0]!.id,
        verdict: "add",
        clauseType: added,
        polarity: "concerning",
        reviewer: "ben",
        note: "missed",
      },
      KNOWN,
    );
    const prevalence = (await clauseTypePrevalence(store.backend, added)).types.get(added);
    assert.equal(prevalence?.platforms, 1, "found on one platform now");
    const listed = await listProvisions(store.backend, { clauseType: added, scope: "all" });
    assert.deepEqual(
      listed.map((p) => p.id).sort((a, b) => a - b),
      signal.map((p) => p.id),
    );
    const found = await searchProvisions(store.backend, {
      query: "contacts address book",
      clauseType: added,
      page: 1,
      pageSize: 10,
    });
    assert.deepEqual(
      found.items.map((h) => h.provisionId),
      [signal[2]!.id],
    );

    const app = createApp(store);
    const api = (await (await app.request(`/api/v1/provisions/${signal[2]!.id}`)).json()) as {
      data: {
        clauses: {
          type: string;
          source: string;
          polarity: string;
          confidence: number;
          reasons: { kind: string }[];
        }[];
        reviews: { verdict: string }[];
      };
    };
    const shown = api.data.clauses.filter((c) => c.type === added);
    assert.equal(shown.length, 1, "the verdict is applied once");
    assert.equal(shown[0]!.source, "reviewer");
    assert.equal(shown[0]!.polarity, "concerning");
    assert.equal(shown[0]!.confidence, 1);
    assert.deepEqual(
      shown[0]!.reasons.map((r) => r.kind),
      ["reviewer"],
    );
    assert.deepEqual(
      api.data.reviews.map((r) => r.verdict),
      ["add"],
    );
    const html = await (await app.request(`/provisions/${signal[2]!.id}`)).text();
    assert.match(html, /Reviewer verdicts/);
    assert.match(html, /reviewer/);

    // 3. Recomputing history raised no alert, and `recompute --all` keeps every verdict.
    assert.equal((await store.alerts.counts(recent.id)).delivered, 0);
    assert.equal((await store.alerts.counts(old.id)).delivered, oldAlerts);
    const scores = await Promise.all(chrome.map((p) => storedScore(store, p.versionId)));
    await catchUp(store, { all: true });
    assert.equal((await store.reviews.list()).length, 2, "the reviews survive re-analysis");
    for (const p of await copiesOf(store, CHROME)) assert.ok(!typesOf(p).includes("contract-by-using"));
    assert.deepEqual(await Promise.all(chrome.map((p) => storedScore(store, p.versionId))), scores);
    assert.deepEqual(
      (await listProvisions(store.backend, { clauseType: added, scope: "all" }))
        .map((p) => p.id)
        .sort((a, b) => a - b),
      signal.map((p) => p.id),
    );
    assert.deepEqual(
      changeOf(into, await store.changes.listByDocument(chrome[0]!.documentId))?.clausesAfter,
      [],
    );
    assert.equal((await store.alerts.counts(recent.id)).delivered, 0);
    assert.equal((await store.alerts.counts(old.id)).delivered, oldAlerts);
  });
});
