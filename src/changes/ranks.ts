/** Orders of change kinds and severities. */
import type { ChangeKind, Severity } from "../model/index.js";

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };
const KIND_RANK: Record<ChangeKind, number> = { technical: 0, minor: 1, substantive: 2 };

/** The higher of two severities. */
export function maxSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

/** The more substantive of two kinds. */
export function maxKind(a: ChangeKind, b: ChangeKind): ChangeKind {
  return KIND_RANK[a] >= KIND_RANK[b] ? a : b;
}

/** Rank of a kind: technical 0, minor 1, substantive 2. */
export function kindRank(k: ChangeKind): number {
  return KIND_RANK[k];
}

/** Rank of a severity: low 0, medium 1, high 2. */
export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s];
}
