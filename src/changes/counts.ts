/**
 * The counts of a change record's provision changes by type, computed here once and shown in the same words
 * on the record page, in the API, by the CLI and in the summary, so that no two surfaces disagree.
 */
import type { ChangeCounts, ProvisionChange } from "../model/index.js";

/** Added, removed, modified and moved provisions among `changes`. */
export function countChanges(changes: readonly Pick<ProvisionChange, "change">[]): ChangeCounts {
  const counts: ChangeCounts = { added: 0, removed: 0, modified: 0, moved: 0 };
  for (const c of changes) counts[c.change]++;
  return counts;
}

/** "8 added, 3 removed, 42 modified, 0 moved". */
export function formatCounts(counts: ChangeCounts): string {
  return `${counts.added} added, ${counts.removed} removed, ${counts.modified} modified, ${counts.moved} moved`;
}
