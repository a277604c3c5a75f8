/**
 * What happens to a version once it is archived: provision analysis, then the change record against the version
 * before it, with its alerts. Loads, calls the pure stages, saves.
 */
import type { VersionListener } from "../archive/archiver.js";
import type { ClassifiedProvision, Version } from "../model/index.js";
import type { Store } from "../store/index.js";
import { completeVersion } from "./complete-version.js";
import { analyzeVersion, recordChange } from "./stages.js";

export { type CompletionReport, completePending, completeVersion } from "./complete-version.js";
export { type CompletionLoopOptions, startCompletionLoop } from "./completion-loop.js";
export { analyzeVersion, recordChange } from "./stages.js";

/**
 * The listener to give the archiver: every new version is completed (analysed, its change record and alerts
 * stored, with the next version's record when it was imported out of order) in one transaction.
 */
export function createVersionListener(store: Store): VersionListener {
  return async (version) => {
    await completeVersion(store, version);
  };
}

/** Progress of a (re)computation over many versions. */
export type RecomputeProgress = (done: number, total: number) => void;

/**
 * Analyses every version that has no analysis yet and records every missing change record, e.g. for versions
 * archived before the "pending analysis" marks existed (marked ones complete on their own, see
 * {@link completePending}). With `all`, recomputes everything.
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
