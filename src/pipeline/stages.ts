/**
 * The stages that follow archiving, each split into computing (no writes) and storing (in a caller's transaction),
 * so a caller can store the results of several stages in one transaction.
 */
import { analyzerId, analyzeText } from "../analysis/index.js";
import { sealAnalysis, sealChangeRecord } from "../archive/chain/seal.js";
import { reextractionOf } from "../archive/ota/commit-kinds.js";
import { computeChangeRecord } from "../changes/change-record.js";
import type { ClassifiedProvision, Version } from "../model/index.js";
import { enqueueAlerts } from "../notify/enqueue-alerts.js";
import type { ChangeRecord, Repositories, Store, VersionAnalysisRecord } from "../store/index.js";
import { crashPoint } from "../util/crash-point.js";
import { withStoredReviews } from "./reviewed-analysis.js";

/** A change record computed and not stored yet. */
export type ComputedChange = Omit<ChangeRecord, "id">;

/**
 * The analysis of one version, ready to store, with the reviewers' verdicts on its provisions' texts applied
 * before grading, so they hold in every version and survive every re-analysis.
 */
export async function analysisOf(store: Store, version: Version): Promise<VersionAnalysisRecord> {
  const document = await store.documents.get(version.documentId);
  const analysis = await withStoredReviews(
    store.reviews,
    analyzeText(version.text, document ? { termsType: document.termsType } : {}),
  );
  return {
    versionId: version.id,
    documentId: version.documentId,
    language: analysis.language.language,
    grade: analysis.grade?.grade ?? null,
    score: analysis.grade?.score ?? null,
    gradeDetails: analysis.grade
      ? {
          formula: analysis.grade.formula,
          scale: analysis.grade.scale,
          points: analysis.grade.points,
          contributions: analysis.grade.contributions,
        }
      : null,
    entities: analysis.entities,
    analyzer: analyzerId(),
    provisions: analysis.provisions,
  };
}

/**
 * Stores an analysis (replacing the version's earlier one) with its seal, in `tx` (a chain transaction): the chain
 * covers every analysis stored, and each re-analysis adds a reading.
 */
export async function storeAnalysis(tx: Repositories, analysis: VersionAnalysisRecord): Promise<void> {
  await tx.analyses.save(analysis);
  await sealAnalysis(tx, analysis.versionId);
}

/** Analyses and stores one version (replacing an earlier analysis of it). */
export async function analyzeVersion(store: Store, version: Version): Promise<ClassifiedProvision[]> {
  const analysis = await analysisOf(store, version);
  await store.chainTransaction((tx) => storeAnalysis(tx, analysis));
  return analysis.provisions;
}

/** The stored provisions of a version, analysing it first when needed. */
async function provisionsOf(store: Store, version: Version): Promise<ClassifiedProvision[]> {
  if (await store.analyses.has(version.id)) return store.analyses.provisions(version.id, version.text);
  return analyzeVersion(store, version);
}

/**
 * The change record of `version` against `previous` (none for a first version). Provisions not given are read
 * from the stored analyses (analysing a version that has none).
 */
export async function changeOf(
  store: Store,
  version: Version,
  previous: Version | undefined,
  provisions: { after?: ClassifiedProvision[]; before?: ClassifiedProvision[] } = {},
): Promise<ComputedChange> {
  const after = provisions.after ?? (await provisionsOf(store, version));
  const before = previous ? (provisions.before ?? (await provisionsOf(store, previous))) : null;
  const earlier = previous
    ? await store.versions.latestWithText(version.documentId, version.sha256, previous.recordedAt)
    : undefined;
  const result = computeChangeRecord({
    beforeText: previous?.text ?? null,
    afterText: version.text,
    before,
    after,
    returnsTo: earlier ? { versionId: earlier.id, recordedAt: earlier.recordedAt } : null,
    reextraction: reextractionOf(version.commitKind),
  });
  return {
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
  };
}

/**
 * Stores a change record (replacing the version's earlier one), its seal and its alerts, in `tx` (a chain
 * transaction): never one without the others.
 */
export async function storeChange(tx: Repositories, change: ComputedChange): Promise<ChangeRecord> {
  const record = await tx.changes.upsert(change);
  await sealChangeRecord(tx, record);
  crashPoint("record-written");
  await enqueueAlerts(tx, record, new Date().toISOString());
  crashPoint("alerts-enqueued");
  return record;
}

/** Computes and stores the change record of `version` against `previous`, with its alerts. */
export async function recordChange(
  store: Store,
  version: Version,
  previous: Version | undefined,
  after?: ClassifiedProvision[],
): Promise<ChangeRecord> {
  const change = await changeOf(store, version, previous, after ? { after } : {});
  return store.chainTransaction((tx) => storeChange(tx, change));
}
