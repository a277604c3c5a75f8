import { sql } from "kysely";
import type { Severity } from "../../model/index.js";

/** Severities from the most to the least severe. */
export const SEVERITY_ORDER: readonly Severity[] = ["high", "medium", "low"];

/** Narrows a stored severity; unknown values (older analyzers) read as null rather than lying. */
export function toSeverity(value: string | null | undefined): Severity | null {
  return value === "high" || value === "medium" || value === "low" ? value : null;
}

/** SQL rank of a severity column: 3 high, 2 medium, 1 low, 0 none, so `order by rank desc` puts the worst first. */
export function severityRank(column: string) {
  return sql<number>`(case ${sql.ref(column)} when 'high' then 3 when 'medium' then 2 when 'low' then 1 else 0 end)`;
}

/** Counts per severity, the shape every prevalence and mix figure uses. */
export interface SeverityCounts {
  high: number;
  medium: number;
  low: number;
}

export function emptyCounts(): SeverityCounts {
  return { high: 0, medium: 0, low: 0 };
}
