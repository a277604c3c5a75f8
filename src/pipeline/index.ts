/**
 * What happens to a version once it is archived: provision analysis, then the change record
 * against the version before it. Loads, calls the pure stages, saves.
 */
import { analyzerId, analyzeText } from "../analysis/index.js";
import type { VersionListener } from "../archive/archiver.js";
import { reextractionOf } from "../archive/ota/commit-kinds.js";
import { computeChangeRecord } from "../changes/change-record.js";
import type { ClassifiedProvision, Version } from "../model/index.js";
import { enqueueAlerts } from "../notify/enqueue-alerts.js";
import type { ChangeRecord, Store } from "../store/index.js";
import { withStoredReviews } from "./reviewed-analysis.js";

/**
 * Analyses and stores one version (replacing an earlier analysis of it), with the reviewers' verdicts on its
 * provisions' texts applied before grading, so they hold in every version and survive every re-analysis.
 */
export async function analyzeVersion(store: Store, version: Version): Promise<ClassifiedProvision[]> {
  const analysis = await withStoredReviews(store.reviews, analyzeText(version.text));
  await store.transaction((tx) =>
    tx.analyses.save({
      versionId: version.id,
      documentId: version.documentId,
      language: analysis.language.language,
      grade: analysis.grade?.grade ?? null,
      score: analysis.grade?.score ?? null,
      gradeDetails: analysis.grade
        ? { formula: analysis.grade.formula, contributions: analysis.grade.contributions }
        : null,
      entities: analysis.entities,
      analyzer: analyzerId(),
      provisions: analysis.provisions,
    }),
  );
  return analysis.provisions;
}

/** The stored provisions of a version, analysing it first when needed. */
async function provisionsOf(store: Store, version: Version): Promise<ClassifiedProvision[]> {
  if (await store.analyses.has(version.id)) return store.analyses.provisions(version.id, version.text);
  return analyzeVersion(store, version);
}

/** Computes and stores the change record of `version` against `previous` (none for a first version). */
export async function recordChange(
  store: Store,
  version: Version,
  previous: Version | undefined,
  after?: ClassifiedProvision[],
): Promise<ChangeRecord> {
  const afterProvisions = after ?? (await provisionsOf(store, version));
  const before = previous ? await provisionsOf(store, previous) : null;
  const earlier = previous
    ? await store.versions.latestWithText(version.documentId, version.sha256, previous.recordedAt)
    : undefined;
  const result = computeChangeRecord({
    beforeText: previous?.text ?? null,
    afterText: version.text,
    before,
    after: afterProvisions,
    returnsTo: earlier ? { versionId: earlier.id, recordedAt: earlier.recordedAt } : null,
    reextraction: reextractionOf(version.commitKind),
  });
  // The record and its alerts are stored together: an alert is never lost between the two.
  return store.transaction(async (tx) => {
    const record = await tx.changes.upsert({
      documentId: version.documentId,
      fromVersionId: previous?.id ?? null,
      toVersionId: version.id,
      recordedAt: version.recordedAt,
      kind: result.kind,
      severity: result.severity,
      headline: result.headline,
      summary: result.summary,
      deltas: result.deltas,
      provisionChanges: result.provisionChanges,
    });
    await enqueueAlerts(tx, record, new Date().toISOString());
    return record;
  });
}

/**
 * The listener to give the archiver: every new version is analysed and gets its change record.
 * A version imported out of order also changes the record of the version after it.
 */
export function createVersionListener(store: Store): VersionListener {
  return async (version, previous) => {
    const provisions = await analyzeVersion(store, version);
    await recordChange(store, version, previous, provisions);
    const next = await store.versions.after(version.documentId, version.recordedAt);
    if (next) await recordChange(store, next, version);
  };
}

/** Progress of a (re)computation over many versions. */
export type RecomputeProgress = (done: number, total: number) => void;

/**
 * Analyses every version that has no analysis yet and records every missing change record, e.g. after
 * a process was killed between archiving a version and analysing it. With `all`, recomputes everything.
 */
export async function catchUp(
  store: Store,
  options: { all?: boolean; documentId?: number; onProgress?: RecomputeProgress } = {},
): Promise<{ analysed: number; changeRecords: number }> {
  const documents = options.documentId
    ? [await store.documents.get(options.documentId)].filter((d) => d !== undefined)
    : await store.documents.list();
  const work: { documentId: number; ids: number[] }[] = [];
  for (const d of documents)
    work.push({ documentId: d.id, ids: (await store.versions.listByDocument(d.id)).map((v) => v.id) });
  const total = work.reduce((n, w) => n + w.ids.length, 0);
  let done = 0;
  let analysed = 0;
  let changeRecords = 0;
  for (const { ids } of work) {
    const existing = new Set((await store.changes.listByDocumentIds(ids)).map((r) => r.toVersionId));
    let previous: Version | undefined;
    for (const id of ids) {
      const version = await store.versions.get(id);
      if (!version) continue;
      let provisions: ClassifiedProvision[] | undefined;
      if (options.all || !(await store.analyses.has(id))) {
        provisions = await analyzeVersion(store, version);
        analysed++;
      }
      if (options.all || !existing.has(id)) {
        await recordChange(store, version, previous, provisions);
        changeRecords++;
      }
      previous = version;
      options.onProgress?.(++done, total);
    }
  }
  return { analysed, changeRecords };
}
