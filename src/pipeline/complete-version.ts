/**
 * Completing a version marked "pending analysis": its analysis, its change record (and the next version's, when it
 * was imported out of order) and their alerts are stored in one transaction that takes the mark. Run by the process
 * that archived the version right after the commit, and by `serve` and `worker` for every mark a crash left.
 */
import type { Version } from "../model/index.js";
import type { Store } from "../store/index.js";
import { crashPoint } from "../util/crash-point.js";
import { analysisOf, changeOf, storeAnalysis, storeChange } from "./stages.js";

/**
 * Completes one marked version. Everything is computed first, then stored at once; false when the mark was gone
 * by then (another process completed the version, or it was never marked), in which case nothing is stored.
 */
export async function completeVersion(store: Store, version: Version): Promise<boolean> {
  const analysis = await analysisOf(store, version);
  const previous = await store.versions.before(version.documentId, version.recordedAt);
  const change = await changeOf(store, version, previous, { after: analysis.provisions });
  const next = await store.versions.after(version.documentId, version.recordedAt);
  const nextChange = next && (await changeOf(store, next, version, { before: analysis.provisions }));
  crashPoint("analysis-computed");
  const stored = await store.chainTransaction(async (tx) => {
    // Taken first: on PostgreSQL a concurrent completion of the same version waits here, then finds no mark.
    if (!(await tx.pendingAnalyses.take(version.id))) return false;
    await storeAnalysis(tx, analysis);
    crashPoint("analysis-saved");
    await storeChange(tx, change);
    if (nextChange) await storeChange(tx, nextChange);
    return true;
  });
  if (stored) crashPoint("completed");
  return stored;
}

/** What a pass over the marks did. */
export interface CompletionReport {
  /** Versions completed by this pass. */
  completed: number;
  /** Versions whose completion failed: their marks stay, with the error, for the next pass. */
  failed: number;
}

/**
 * Completes every marked version (or those marked before `markedBefore`: older than a capture in progress), the
 * oldest first in each document. A failure is stored on its mark and the pass goes on with the others.
 */
export async function completePending(
  store: Store,
  options: { markedBefore?: string } = {},
): Promise<CompletionReport> {
  const report: CompletionReport = { completed: 0, failed: 0 };
  for (const mark of await store.pendingAnalyses.list(options)) {
    const version = await store.versions.get(mark.versionId);
    if (!version) continue;
    try {
      if (await completeVersion(store, version)) report.completed++;
    } catch (error) {
      await store.pendingAnalyses.markFailed(
        mark.versionId,
        error instanceof Error ? error.message : String(error),
      );
      report.failed++;
    }
  }
  return report;
}
