/** Brings every stored analysis of one provision text up to date, e.g. after a reviewer's verdict on it. */
import type { Version } from "../model/index.js";
import type { Store } from "../store/index.js";
import { analyzeVersion, recordChange } from "./stages.js";

/** What a re-analysis touched. */
export interface ReanalysisResult {
  /** Versions re-analysed: every one with a provision of that text, in any document. */
  versions: number[];
  /** Change records recomputed: to each of those versions, and from each to the version after it. */
  changeRecords: number;
}

/**
 * Re-analyses every stored version that has a provision with exactly `text` (through {@link analyzeVersion}, so
 * the stored reviews apply and the classifier's memo makes it cheap), then recomputes the change records to and
 * from those versions with {@link recordChange}, so timelines and alerts' facts agree with the new analyses.
 * Records of versions recorded before a watchlist existed raise no alert (see `enqueueAlerts`).
 */
export async function reanalyzeText(store: Store, text: string): Promise<ReanalysisResult> {
  // Each version is read once: the records below need the re-analysed versions and their neighbours again.
  const loaded = new Map<number, Version | undefined>();
  const load = async (id: number) => {
    if (!loaded.has(id)) loaded.set(id, await store.versions.get(id));
    return loaded.get(id);
  };
  const byDocument = new Map<number, Version[]>();
  for (const id of await store.analyses.versionsWithText(text)) {
    const version = await load(id);
    if (!version) continue;
    await analyzeVersion(store, version);
    byDocument.set(version.documentId, [...(byDocument.get(version.documentId) ?? []), version]);
  }
  let changeRecords = 0;
  for (const [documentId, versions] of byDocument) {
    // The document's order, as `catchUp` walks it: a version's predecessor is the one listed before it.
    const order = await store.versions.listByDocument(documentId);
    const position = new Map(order.map((v, i) => [v.id, i]));
    const targets = new Set<number>();
    for (const v of versions) {
      const at = position.get(v.id);
      if (at === undefined) continue;
      targets.add(at);
      if (at + 1 < order.length) targets.add(at + 1);
    }
    for (const at of [...targets].sort((a, b) => a - b)) {
      const version = await load(order[at]!.id);
      const previous = at > 0 ? await load(order[at - 1]!.id) : undefined;
      if (!version) continue;
      await recordChange(store, version, previous);
      changeRecords++;
    }
  }
  return { versions: [...byDocument.values()].flat().map((v) => v.id), changeRecords };
}
