import assert from "node:assert/strict";
import { join } from "node:path";
import { before, it } from "node:test";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { describeEachBackend } from "../../../test/helpers/backends.js";
import { segment } from "../../analysis/segment/index.js";
import { Archiver } from "../../archive/archiver.js";
import { importOtaDataset } from "../../archive/ota/index.js";
import { WarcWriter } from "../../archive/warc/warc-writer.js";
import { computeChangeRecord } from "../../changes/index.js";
import type { Classification, ClassifiedProvision, Version } from "../../model/index.js";
import type { Repositories, Store } from "../index.js";
import {
  bestClauseExcerpts,
  changesPerMonth,
  citationFacts,
  clauseTypePrevalence,
  clauseTypesFound,
  currentVersions,
  dashboardCounts,
  decodeCursor,
  encodeCursor,
  findPlatform,
  getChangeRecord,
  getDocument,
  getProvision,
  getVersion,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  InvalidCursorError,
  listChangeRecords,
  listDocuments,
  listPlatformNames,
  listPlatforms,
  listProvisions,
  listVersions,
  mostSevereProvisions,
  newSevereProvisions,
  openVersionText,
  provisionHistory,
  provisionsOfVersion,
  searchProvisions,
  searchTerms,
} from "./index.js";

const DATASET = fileURLToPath(new URL("../../../test/fixtures/ota-mini", import.meta.url));
const EXTRA = fileURLToPath(new URL("../../../test/fixtures/ota-extra", import.meta.url));
const NO_ENTITIES = {
  thirdParties: [],
  emails: ["privacy@signal.org"],
  dates: [],
  retentionPeriods: [],
  countries: [],
  dataCategories: [],
};

/** Deterministic stand-in classifier: the queries are under test here, not the classifier. */
function clause(
  type: string,
  p: { start: number; text: string },
  word: string,
  severity: Classification["severity"],
  polarity: Classification["polarity"],
): Classification[] {
  const at = p.text.toLowerCase().indexOf(word);
  if (at < 0) return [];
  const start = p.start + at;
  return [
    {
      type,
      name: type,
      confidence: 0.9,
      confidenceLevel: "High",
      polarity,
      severity,
      evidence: { start, end: start + word.length, text: p.text.slice(at, at + word.length) },
      source: "pattern",
      reasons: [{ kind: "pattern", name: `${type}-word`, weight: 0.9 }],
    },
  ];
}

function classify(text: string): ClassifiedProvision[] {
  return segment(text).map((p) => ({
    ...p,
    clauses: [
      ...clause("sharing-affiliates", p, "share", "high", "concerning"),
      ...clause("data-collected", p, "collect", "medium", "neutral"),
      ...clause("sale-of-data", p, "sell", "low", "protective"),
    ],
  }));
}

/** Stores the stand-in analysis of a version. */
async function saveAnalysis(repos: Repositories, version: Version): Promise<ClassifiedProvision[]> {
  const provisions = classify(version.text);
  await repos.analyses.save({
    versionId: version.id,
    documentId: version.documentId,
    language: "en",
    grade: "C",
    score: 50,
    gradeDetails: { formula: "test", contributions: [] },
    entities: NO_ENTITIES,
    analyzer: "test",
    provisions,
  });
  return provisions;
}

/** Analyses and change records written through the store's own repositories. */
async function analyse(store: Store, version: Version, previous: Version | undefined): Promise<void> {
  const provisions = await saveAnalysis(store, version);
  const record = computeChangeRecord({
    beforeText: previous?.text ?? null,
    afterText: version.text,
    before: previous ? classify(previous.text) : null,
    after: provisions,
  });
  await store.changes.upsert({
    documentId: version.documentId,
    fromVersionId: previous?.id ?? null,
    toVersionId: version.id,
    recordedAt: version.recordedAt,
    kind: record.kind,
    severity: record.severity,
    headline: record.headline,
    summary: record.summary,
    deltas: record.deltas,
    provisionChanges: record.provisionChanges,
  });
}

describeEachBackend("read queries for pages and API", (get) => {
  let signal: number;
  let chrome: number;

  before(async () => {
    const { store, dataDir } = get();
    const archiver = new Archiver(store, {
      warc: new WarcWriter(join(dataDir, "warc")),
      onVersion: (version, previous) => analyse(store, version, previous),
    });
    await importOtaDataset(archiver, DATASET);
    signal = (await findPlatform(store.backend, "signal"))?.id ?? 0;
    chrome = (await findPlatform(store.backend, "chrome-and-chrome-os"))?.id ?? 0;
    assert.ok(signal > 0 && chrome > 0);
  });

  it("finds the current version of every document", async () => {
    const src = get().store.backend;
    const current = await currentVersions(src);
    assert.equal(current.length, 3);
    for (const c of current) {
      const versions = await listVersions(src, c.documentId);
      assert.equal(versions[versions.length - 1]?.id, c.versionId, "the newest version is current");
    }
    assert.equal((await currentVersions(src, [signal])).length, 2);
    assert.deepEqual(await currentVersions(src, []), []);
  });

  it("sorts platforms by name whatever their case", async () => {
    const { store } = get();
    for (const name of ["edX", "Zoom", "freeCodeCamp"]) await store.platforms.ensure(name);
    const expected = ["Chrome and Chrome OS", "edX", "freeCodeCamp", "Signal", "Zoom"];
    assert.deepEqual(
      (await listPlatformNames(store.backend)).map((p) => p.name),
      expected,
    );
    assert.deepEqual(
      (await listPlatforms(store.backend)).map((p) => p.name),
      expected,
    );
    await store.backend.db
      .deleteFrom("platforms")
      .where("name", "in", ["edX", "Zoom", "freeCodeCamp"])
      .execute();
  });

  it("lists platforms with counts that match the tables", async () => {
    const src = get().store.backend;
    const platforms = await listPlatforms(src);
    assert.deepEqual(
      platforms.map((p) => p.slug),
      ["chrome-and-chrome-os", "signal"],
    );
    const s = platforms.find((p) => p.slug === "signal");
    assert.ok(s);
    assert.equal(s.documentCount, 2);
    const docs = await listDocuments(src, { platformId: signal });
    assert.equal(
      s.versionCount,
      docs.reduce((n, d) => n + d.versionCount, 0),
    );
    assert.equal(s.grades.length, 2);
    assert.equal(s.grades[0]?.grade, "C");
    const current = await listProvisions(src, { platformIds: [signal], severity: "high" });
    assert.equal(s.provisions.high, current.length);
    assert.ok(s.provisions.high > 0, "Signal's policy says it shares");
  });

  it("reads a document, its versions and a version with its proof", async () => {
    const src = get().store.backend;
    const [doc] = await listDocuments(src, { platformId: chrome });
    assert.ok(doc);
    const detail = await getDocument(src, doc.id);
    assert.equal(detail?.termsType, "Terms of Service");
    assert.equal(detail?.versionCount, 5);
    assert.equal(detail?.firstRecordedAt, "2021-01-26T15:09:16Z");
    const versions = await listVersions(src, doc.id);
    assert.equal(versions.length, 5);
    assert.equal(versions[0]?.changeKind, "substantive", "first version record");
    assert.ok(versions.slice(1).every((v) => v.changeRecordId !== null));
    const version = await getVersion(src, doc.currentVersionId ?? 0);
    assert.ok(version);
    assert.ok(((await openVersionText(src, version.id))?.length ?? 0) > 1000);
    assert.ok(
      version.evidence.chainSeq !== null && version.evidence.chainSeq <= version.evidence.chainLength,
    );
    assert.match(version.evidence.snapshotSha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(version.analysis?.entities?.emails, ["privacy@signal.org"]);
    assert.equal(await getVersion(src, 999999), undefined);
  });

  it("filters provisions by severity and clause type and pages by cursor", async () => {
    const src = get().store.backend;
    const all = await listProvisions(src, { platformIds: [signal] });
    const high = await listProvisions(src, { platformIds: [signal], severity: "high" });
    assert.ok(high.length > 0 && high.length < all.length, `high ${high.length} all ${all.length}`);
    assert.ok(high.every((p) => p.maxSeverity === "high"));
    const sharing = await listProvisions(src, { clauseType: "sharing-affiliates" });
    assert.ok(sharing.length > 0, "sharing");
    assert.ok(
      sharing.every((p) => p.clauses.some((c) => c.type === "sharing-affiliates")),
      "clauses",
    );
    assert.ok(
      sharing.every((p) => p.text.toLowerCase().includes("share")),
      "share text",
    );
    // Cursor pages cover the list exactly once.
    const first = await listProvisions(src, { platformIds: [signal], limit: 5 });
    const second = await listProvisions(src, {
      platformIds: [signal],
      limit: 5,
      afterId: first[first.length - 1]?.id ?? 0,
    });
    assert.deepEqual(
      [...first, ...second].map((p) => p.id),
      all.slice(0, 10).map((p) => p.id),
    );
    const rank = (s: string | null) => (s === "high" ? 3 : s === "medium" ? 2 : s === "low" ? 1 : 0);
    const bySeverity = await listProvisions(src, { platformIds: [signal], bySeverity: true });
    assert.equal(bySeverity.length, all.length);
    for (let i = 1; i < bySeverity.length; i++) {
      assert.ok(
        rank(bySeverity[i - 1]?.maxSeverity ?? null) >= rank(bySeverity[i]?.maxSeverity ?? null),
        "most severe first",
      );
    }
    const offset = await listProvisions(src, {
      platformIds: [signal],
      bySeverity: true,
      offset: 2,
      limit: 2,
    });
    assert.deepEqual(
      offset.map((p) => p.id),
      bySeverity.slice(2, 4).map((p) => p.id),
    );
  });

  it("returns a version's provisions in reading order with evidence inside the text", async () => {
    const src = get().store.backend;
    const [doc] = await listDocuments(src, { platformId: chrome });
    const version = await getVersion(src, doc?.currentVersionId ?? 0);
    assert.ok(version);
    const provisions = await provisionsOfVersion(src, version.id);
    const text = await (await openVersionText(src, version.id))?.read(0, Number.MAX_SAFE_INTEGER);
    assert.ok(provisions.length >= 5, `n ${provisions.length}`);
    provisions.forEach((p, i) => {
      assert.equal(p.index, i);
      assert.equal(text?.slice(p.start, p.end), p.text);
      for (const c of p.clauses)
        assert.ok(
          c.evidenceStart >= p.start && c.evidenceEnd <= p.end,
          `evidence ${c.evidenceStart}-${c.evidenceEnd} in ${p.start}-${p.end}`,
        );
    });
  });

  it("follows one provision across versions by its key", async () => {
    const src = get().store.backend;
    const [doc] = await listDocuments(src, { platformId: chrome });
    const provisions = await provisionsOfVersion(src, doc?.currentVersionId ?? 0);
    const withHistory = [];
    for (const p of provisions.slice(0, 40)) {
      const history = await provisionHistory(src, p.documentId, p.key);
      if (history.length > 1) withHistory.push(history);
    }
    assert.ok(withHistory.length > 0, "some provisions appear in several versions");
    for (const history of withHistory) {
      assert.equal(history[0]?.changed, true, "first appearance counts as a change");
      for (let i = 1; i < history.length; i++) {
        assert.ok((history[i]?.recordedAt ?? "") > (history[i - 1]?.recordedAt ?? ""));
        assert.equal(history[i]?.changed, history[i]?.text !== history[i - 1]?.text);
      }
    }
    const detail = await getProvision(src, provisions[0]?.id ?? 0);
    assert.equal(detail?.currentVersionId, detail?.versionId);
  });

  it("measures prevalence over current versions, protective statements apart", async () => {
    const src = get().store.backend;
    const table = await clauseTypePrevalence(src);
    assert.equal(table.analysedPlatforms, 2);
    const sharing = table.types.get("sharing-affiliates");
    assert.ok(sharing);
    const excerpts = await bestClauseExcerpts(src, { type: "sharing-affiliates" });
    assert.equal(sharing.platforms, excerpts.length, "one excerpt per platform");
    assert.equal(sharing.platformsBySeverity.high, sharing.platforms);
    const sale = table.types.get("sale-of-data");
    if (sale) assert.equal(sale.protectiveOnly, sale.platforms, "only protective instances");
    for (const e of excerpts) {
      const p = await getProvision(src, e.provisionId);
      assert.ok(p?.text.startsWith(e.excerpt.slice(0, 50)));
      assert.equal(p?.currentVersionId, p?.versionId, "excerpts come from versions in force");
    }
    const only = await clauseTypePrevalence(src, "data-collected");
    assert.deepEqual([...only.types.keys()], ["data-collected"]);
  });

  it("lists change records newest first with a stable cursor, and by month", async () => {
    const src = get().store.backend;
    const all = await listChangeRecords(src, {});
    assert.ok(all.length >= 5);
    for (let i = 1; i < all.length; i++)
      assert.ok((all[i - 1]?.recordedAt ?? "") >= (all[i]?.recordedAt ?? ""));
    assert.ok(
      all.every((c) => c.fromVersionId !== null),
      "first versions left out by default",
    );
    const withFirst = await listChangeRecords(src, { changesOnly: false });
    assert.equal(withFirst.length - all.length, 3, "one first-version record per document");
    const page1 = await listChangeRecords(src, { limit: 2 });
    const last = page1[page1.length - 1];
    assert.ok(last);
    const page2 = await listChangeRecords(src, {
      limit: 2,
      cursor: encodeCursor({ at: last.recordedAt, id: last.id }),
    });
    assert.deepEqual(
      [...page1, ...page2].map((c) => c.id),
      all.slice(0, 4).map((c) => c.id),
    );
    assert.throws(() => decodeCursor("not-a-cursor"), InvalidCursorError);
    const since = await listChangeRecords(src, { since: "2025-01-01", until: "2025-12-31" });
    assert.ok(since.every((c) => c.recordedAt >= "2025-01-01" && c.recordedAt < "2025-12-31"));
    const detail = await getChangeRecord(src, all[0]?.id ?? 0);
    assert.ok(Array.isArray(detail?.provisionChanges));
    const months = await changesPerMonth(src, [chrome]);
    assert.equal(
      months.reduce((n, m) => n + m.total, 0),
      (await listChangeRecords(src, { platformIds: [chrome] })).length,
    );
    assert.ok(months.every((m) => /^\d{4}-\d{2}$/.test(m.month) && m.high + m.medium + m.low === m.total));
  });

  it("searches provisions with stemming, filters and highlighted snippets", async () => {
    const src = get().store.backend;
    const result = await searchProvisions(src, { query: "sharing", page: 1, pageSize: 50 });
    assert.ok(result.total > 0, "stemming: sharing finds share");
    assert.equal(result.items.length, Math.min(50, result.total));
    assert.ok(
      result.items.every((h) => h.snippet.includes(HIGHLIGHT_START) && h.snippet.includes(HIGHLIGHT_END)),
    );
    // Each hit names its clause types (one query for the whole page of hits).
    for (const h of result.items) {
      const clauses = (await getProvision(src, h.provisionId))?.clauses ?? [];
      assert.deepEqual(h.clauseTypes, [...new Set(clauses.map((c) => c.type))].sort());
    }
    assert.ok(result.items.some((h) => h.clauseTypes.length > 0));
    const onlySignal = await searchProvisions(src, {
      query: "data",
      platformIds: [signal],
      page: 1,
      pageSize: 100,
    });
    assert.ok(onlySignal.items.length > 0 && onlySignal.items.every((h) => h.platformSlug === "signal"));
    const high = await searchProvisions(src, { query: "data", severity: "high", page: 1, pageSize: 100 });
    assert.ok(high.items.every((h) => h.maxSeverity === "high"));
    const typed = await searchProvisions(src, {
      query: "data",
      clauseType: "data-collected",
      page: 1,
      pageSize: 100,
    });
    for (const h of typed.items) {
      const p = await getProvision(src, h.provisionId);
      assert.ok(p?.clauses.some((c) => c.type === "data-collected"));
    }
    const all = await searchProvisions(src, { query: "Chrome", scope: "all", page: 1, pageSize: 5 });
    const current = await searchProvisions(src, { query: "Chrome", page: 1, pageSize: 5 });
    assert.ok(all.total > current.total, "older versions are searchable too");
    const dated = await searchProvisions(src, {
      query: "Chrome",
      scope: "all",
      since: "2025-01-01",
      page: 1,
      pageSize: 100,
    });
    assert.ok(dated.items.every((h) => h.recordedAt >= "2025-01-01"));
    const page2 = await searchProvisions(src, { query: "Chrome", scope: "all", page: 2, pageSize: 5 });
    assert.equal(page2.total, all.total);
    assert.ok(page2.items.every((h) => !all.items.some((x) => x.provisionId === h.provisionId)));
    // Query syntax of either engine never reaches it: operators are plain words here.
    const hostile = await searchProvisions(src, {
      query: 'data" OR * NEAR( ) -- ; drop',
      page: 1,
      pageSize: 5,
    });
    assert.ok(hostile.total >= 0);
    assert.equal((await searchProvisions(src, { query: "   ", page: 1, pageSize: 5 })).total, 0);
    assert.deepEqual(searchTerms('share "personal data" x*'), ["share", "personal data", "x"]);
  });

  it("searches current provisions through their own index, which follows re-analysis", async () => {
    const { store } = get();
    const src = store.backend;
    const currentIds = new Set((await currentVersions(src)).map((c) => c.versionId));
    const expected = async () =>
      (await searchProvisions(src, { query: "Chrome", scope: "all", page: 1, pageSize: 1000 })).items
        .filter((h) => currentIds.has(h.versionId))
        .map((h) => h.provisionId)
        .sort((a, b) => a - b);
    const actual = async () =>
      (await searchProvisions(src, { query: "Chrome", page: 1, pageSize: 1000 })).items
        .map((h) => h.provisionId)
        .sort((a, b) => a - b);
    const before = await actual();
    assert.ok(before.length > 0);
    assert.deepEqual(before, await expected());
    // The document re-analysed below is among the hits, so a stale index entry would show.
    const chromeHits = async () =>
      (await searchProvisions(src, { query: "Chrome", platformIds: [chrome], page: 1, pageSize: 1000 }))
        .total;
    const chromeBefore = await chromeHits();
    assert.ok(chromeBefore > 0);

    // Re-analysing an old version, then the current one, keeps the index on the current version.
    const [doc] = await listDocuments(src, { platformId: chrome });
    assert.ok(doc);
    const versions = await listVersions(src, doc.id);
    assert.ok(versions.length >= 2);
    for (const v of [versions[0]!, versions.at(-1)!]) {
      const version = await store.versions.get(v.id);
      assert.ok(version);
      await store.transaction((tx) => saveAnalysis(tx, version));
    }
    const after = await actual();
    assert.equal(after.length, before.length);
    assert.deepEqual(after, await expected());
    assert.equal(await chromeHits(), chromeBefore);
    if (src.dialect === "sqlite") {
      // FTS5's check of the index's own structure (rank 0: it holds a subset of the content table by design).
      await sql`insert into current_provisions_fts (current_provisions_fts, rank) values ('integrity-check', 0)`.execute(
        src.db,
      );
    }
  });

  it("compacts the full-text indexes after a bulk import: the same hits from fewer index segments", async () => {
    const { store } = get();
    const src = store.backend;
    const hits = async () =>
      Promise.all(
        (["current", "all"] as const).map(async (scope) =>
          (await searchProvisions(src, { query: "personal data", scope, page: 1, pageSize: 1000 })).items.map(
            (h) => h.provisionId,
          ),
        ),
      );
    const segments = async () =>
      Promise.all(
        ["provisions_fts_idx", "current_provisions_fts_idx"].map(
          async (table) =>
            (
              await sql<{ n: number }>`select count(distinct segid) as n from ${sql.table(table)}`.execute(
                src.db,
              )
            ).rows[0]!.n,
        ),
      );
    const before = await hits();
    assert.ok(before[0]!.length > 0 && before[1]!.length > before[0]!.length);
    const segmentsBefore = src.dialect === "sqlite" ? await segments() : [];
    await store.optimize();
    assert.deepEqual(await hits(), before);
    if (src.dialect === "sqlite") {
      // Each import transaction wrote segments of its own; 'optimize' merges each table's into one.
      assert.ok(
        segmentsBefore.every((n) => n > 1),
        `segments before: ${segmentsBefore}`,
      );
      assert.deepEqual(await segments(), [1, 1]);
    }
  });

  it("gives citation facts for every kind of record and the dashboard figures", async () => {
    const src = get().store.backend;
    const [doc] = await listDocuments(src, { platformId: signal });
    assert.ok(doc);
    const facts = await citationFacts(src, "document", doc.id);
    assert.equal(facts?.platformName, "Signal");
    assert.equal(facts?.versionId, doc.currentVersionId);
    assert.match(facts?.sha256 ?? "", /^[0-9a-f]{64}$/);
    assert.match(facts?.sourceUrl ?? "", /^ota-dataset:Signal\//);
    const [p] = await listProvisions(src, { documentId: doc.id, limit: 1 });
    assert.equal((await citationFacts(src, "provision", p?.id ?? 0))?.provisionIndex, p?.index);
    const [change] = await listChangeRecords(src, { limit: 1 });
    assert.equal((await citationFacts(src, "change", change?.id ?? 0))?.versionId, change?.toVersionId);
    assert.equal(await citationFacts(src, "provision", 999999), undefined);
    const counts = await dashboardCounts(src);
    assert.equal(counts.platforms, 2);
    assert.equal(counts.documents, 3);
    assert.ok(counts.currentProvisions > 0);
    assert.equal(await clauseTypesFound(src), 3);
    const severe = await mostSevereProvisions(src, { limit: 10 });
    assert.ok(severe.length <= 2, "one per platform");
    assert.ok(severe.every((s) => s.maxSeverity === "high"));
  });

  it("lists the most severe provisions added by recent changes and still in force", async () => {
    const { store, dataDir } = get();
    const src = store.backend;
    // A real rewrite that adds provisions (WhatsApp's cookie policy of February 2026), on top of the fixture.
    const archiver = new Archiver(store, {
      warc: new WarcWriter(join(dataDir, "warc")),
      onVersion: (version, previous) => analyse(store, version, previous),
    });
    await importOtaDataset(archiver, EXTRA);
    const added = await newSevereProvisions(src, { limit: 50 });
    assert.ok(
      added.some((p) => p.platformSlug === "whatsapp"),
      "the rewrite adds provisions that collect or share data",
    );
    const currentIds = new Set((await currentVersions(src)).map((c) => c.versionId));
    const rank = { high: 2, medium: 1, low: 0 };
    for (const [i, p] of added.entries()) {
      assert.ok(currentIds.has(p.versionId), "in force");
      assert.ok(p.maxSeverity === "high" || p.maxSeverity === "medium");
      // New: its version's change record lists it as a substantive addition.
      const record = (await listChangeRecords(src, { documentId: p.documentId })).find(
        (c) => c.toVersionId === p.versionId,
      );
      assert.ok(record);
      const detail = await getChangeRecord(src, record.id);
      assert.ok(
        detail?.provisionChanges.some(
          (c) => c.change === "added" && c.kind === "substantive" && c.afterIndex === p.index,
        ),
        `provision ${p.id} was not added by ${record.id}`,
      );
      const next = added[i + 1];
      if (next) assert.ok(rank[p.maxSeverity] >= rank[next.maxSeverity ?? "low"], "most severe first");
    }
    assert.equal((await newSevereProvisions(src, { limit: 1 })).length, 1);

    // Tinder's edit adds to a policy that already shared and collected data: only the additions are listed.
    const tinder = added.filter((p) => p.platformSlug === "tinder");
    assert.ok(tinder.length > 0);
    const head = tinder[0]!.versionId;
    const record = (await listChangeRecords(src, { documentId: tinder[0]!.documentId })).find(
      (c) => c.toVersionId === head,
    );
    const detail = await getChangeRecord(src, record?.id ?? 0);
    const addedIndexes = new Set(
      (detail?.provisionChanges ?? [])
        .filter((c) => c.change === "added" && c.kind === "substantive")
        .map((c) => c.afterIndex),
    );
    const flagged = (await provisionsOfVersion(src, head)).filter(
      (p) => p.maxSeverity === "high" || p.maxSeverity === "medium",
    );
    assert.ok(
      flagged.some((p) => !addedIndexes.has(p.index)),
      "the version keeps older flagged provisions",
    );
    assert.deepEqual(
      tinder.map((p) => p.id).sort((a, b) => a - b),
      flagged
        .filter((p) => addedIndexes.has(p.index))
        .map((p) => p.id)
        .sort((a, b) => a - b),
    );
  });
});
