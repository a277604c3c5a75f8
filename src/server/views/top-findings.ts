/** The findings a page leads with: the most severe clear findings, one per clause type. */
import type { ClauseView, ProvisionView } from "../../store/queries/index.js";

/** How many findings a page's summary shows. */
export const LEAD_FINDINGS = 3;

/** A provision with the classification that gives it its severity. */
export interface Finding<P extends ProvisionView = ProvisionView> {
  provision: P;
  clause: ClauseView;
}

const RANK = { high: 3, medium: 2, low: 1 } as const;

/**
 * The clause that makes a provision as severe as it is stored: the strongest non-protective classification at its
 * highest severity. The stored severity counts clear findings only (confidence ≥ 0.5, as on the dashboard), and
 * clauses are read strongest first, so this is a clear one whenever the provision has a severity.
 */
export function leadingClause(p: ProvisionView): ClauseView | undefined {
  if (p.maxSeverity === null) return undefined;
  return p.clauses.find((c) => c.severity === p.maxSeverity && c.polarity !== "protective");
}

/**
 * The `limit` most severe clear findings among `provisions`, in that order (then in the order given), at most one
 * per clause type: three paragraphs on the same practice tell a reader less than three practices.
 */
export function topFindings<P extends ProvisionView>(
  provisions: readonly P[],
  limit = LEAD_FINDINGS,
): Finding<P>[] {
  const candidates: Finding<P>[] = [];
  for (const provision of provisions) {
    const clause = leadingClause(provision);
    if (clause) candidates.push({ provision, clause });
  }
  // A stable sort keeps the given order (document order, or the listing's) within a severity.
  candidates.sort((a, b) => RANK[b.clause.severity] - RANK[a.clause.severity]);
  const types = new Set<string>();
  const chosen: Finding<P>[] = [];
  for (const f of candidates) {
    if (types.has(f.clause.type)) continue;
    types.add(f.clause.type);
    chosen.push(f);
    if (chosen.length === limit) break;
  }
  return chosen;
}
