import type { Polarity } from "./analysis.js";

/**
 * What a reviewer says of a clause type on a provision: the machine label is right (`confirm`), wrong
 * (`reject`), should be another type (`relabel`, with `newType`), or was missed (`add`).
 */
export type ReviewVerdict = "confirm" | "reject" | "relabel" | "add";

/** A reviewer's correction. It applies to the provision's exact text, wherever and whenever it appears. */
export interface Review {
  id: number;
  /** The provision reviewed (the text may appear in other versions too). */
  provisionId: number;
  /** SHA-256 of the provision's text: how the review finds every copy of that text. */
  textSha256: string;
  clauseType: string;
  verdict: ReviewVerdict;
  /** The type that replaces `clauseType` (relabel only). */
  newType: string | null;
  /** The provision's polarity when the reviewer set it. */
  polarity: Polarity | null;
  reviewer: string;
  note: string | null;
  createdAt: string;
}
