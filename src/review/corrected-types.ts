/** What the reviews of a text make of the machine's clause types. */
import type { Review } from "../model/index.js";

/** A clause type after review: kept or added by a human, or still the machine's word alone. */
export interface ReviewedType {
  type: string;
  /** True when a reviewer confirmed, relabelled to or added it. */
  confirmed: boolean;
}

/**
 * Applies `reviews` (oldest first) to the machine's types: reject removes a type, relabel replaces it, add and
 * confirm keep it as confirmed. A later review of the same type overrides an earlier one.
 */
export function correctedTypes(machineTypes: readonly string[], reviews: readonly Review[]): ReviewedType[] {
  const types = new Map<string, boolean>(machineTypes.map((t) => [t, false]));
  for (const r of reviews) {
    if (r.verdict === "reject") types.delete(r.clauseType);
    else if (r.verdict === "relabel") {
      types.delete(r.clauseType);
      if (r.newType) types.set(r.newType, true);
    } else types.set(r.clauseType, true);
  }
  return [...types].map(([type, confirmed]) => ({ type, confirmed }));
}
