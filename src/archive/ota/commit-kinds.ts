/**
 * Open Terms Archive records some versions by extracting an existing capture again with changed rules
 * (declarations, engine upgrades) rather than from a new capture. Their differences may come from the rules.
 */
const REEXTRACTION_KINDS = new Set(["Refilter", "Apply technical or declaration upgrade"]);

/** How a re-extracted version was made, for a change record's summary; null for an ordinary version. */
export function reextractionOf(commitKind: string | null): string | null {
  return commitKind !== null && REEXTRACTION_KINDS.has(commitKind)
    ? `Open Terms Archive “${commitKind}”`
    : null;
}
