/** Whether a change record is one a watchlist asked for. */
import { severityRank } from "../changes/ranks.js";
import type { ChangeKind, Severity, WatchFilter } from "../model/index.js";

/** What a watchlist filter looks at in a change record. */
export interface ChangeFacts {
  platformSlug: string;
  termsType: string;
  kind: ChangeKind;
  severity: Severity;
  /** Clause types of the provisions that changed, before and after. */
  clauseTypes: ReadonlySet<string>;
}

/** Substantive changes of any severity, anywhere: minor and technical changes raise no alert by default. */
export const DEFAULT_WATCH_FILTER: WatchFilter = {
  platforms: [],
  termsTypes: [],
  clauseTypes: [],
  kinds: ["substantive"],
  minSeverity: "low",
};

/** True when `facts` pass every part of `filter` (an empty list passes everything). */
export function matchesWatch(filter: WatchFilter, facts: ChangeFacts): boolean {
  const anyOf = <T>(wanted: readonly T[], has: (x: T) => boolean): boolean =>
    wanted.length === 0 || wanted.some(has);
  return (
    filter.kinds.includes(facts.kind) &&
    severityRank(facts.severity) >= severityRank(filter.minSeverity) &&
    anyOf(filter.platforms, (p) => p === facts.platformSlug) &&
    anyOf(filter.termsTypes, (t) => t.toLowerCase() === facts.termsType.toLowerCase()) &&
    anyOf(filter.clauseTypes, (c) => facts.clauseTypes.has(c))
  );
}
