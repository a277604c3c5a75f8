import type { ChainRecordKind } from "../../model/index.js";

/** One verification failure, naming the record. */
export interface VerifyProblem {
  /** The chain entry concerned; null for what no entry covers (or no longer does). */
  seq: number | null;
  kind: ChainRecordKind | "chain" | "warc" | "checkpoint";
  recordId: number | null;
  problem: string;
}

/** Collects problems up to a limit (the rest are counted, not kept). */
export class ProblemList {
  readonly items: VerifyProblem[] = [];
  total = 0;
  constructor(private readonly max: number) {}

  add(problem: VerifyProblem): void {
    this.total++;
    if (this.items.length < this.max) this.items.push(problem);
  }
}
