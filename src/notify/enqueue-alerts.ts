/** Writes the alerts of a new change record, in the transaction that stores the record. */
import type { ChangeRecord, Repositories } from "../store/index.js";
import { type ChangeFacts, matchesWatch } from "./match-watch.js";

/**
 * Adds one alert per watchlist that wants `record`, and returns how many were added. Watchlists only see
 * changes recorded after they were created: importing years of history, or recomputing it, alerts no one.
 * A first version is not a change and alerts no one either. Atom watchlists are pulled, so their alerts
 * count as delivered at once.
 */
export async function enqueueAlerts(tx: Repositories, record: ChangeRecord, now: string): Promise<number> {
  if (record.fromVersionId === null) return 0;
  const watchlists = (await tx.watchlists.list()).filter((w) => record.recordedAt >= w.createdAt);
  if (watchlists.length === 0) return 0;
  const document = await tx.documents.get(record.documentId);
  const platform = document && (await tx.platforms.get(document.platformId));
  if (!document || !platform) return 0;
  const facts: ChangeFacts = {
    platformSlug: platform.slug,
    termsType: document.termsType,
    kind: record.kind,
    severity: record.severity,
    clauseTypes: new Set(record.provisionChanges.flatMap((c) => c.clauses)),
  };
  let added = 0;
  for (const w of watchlists) {
    if (!matchesWatch(w.filter, facts)) continue;
    if (await tx.alerts.enqueue(w.id, record.id, w.channel === "atom" ? "delivered" : "pending", now))
      added++;
  }
  return added;
}
