/**
 * Fault injection: `CLAUSEWATCH_CRASH_AT=<step>` makes the process die abruptly (SIGKILL: no `finally`, no flush,
 * no commit) when it reaches that step of a capture, so tests can prove that a crash anywhere loses nothing.
 * Unset, a crash point costs one comparison.
 */

/** The named steps of a capture, in the order a capture passes them. */
export const CRASH_STEPS = [
  /** Snapshot bytes and WARC record written, nothing in the database yet. */
  "snapshot-stored",
  /** The version (with its "pending analysis" mark) committed, nothing analysed yet. */
  "version-committed",
  /** The analysis and change record computed in memory, nothing of them stored. */
  "analysis-computed",
  /** Inside the completing transaction: the analysis saved, not committed. */
  "analysis-saved",
  /** Inside the completing transaction: the change record written, not committed. */
  "record-written",
  /** Inside the completing transaction: the alerts enqueued, not committed. */
  "alerts-enqueued",
  /** The completing transaction committed. */
  "completed",
  /** An alert accepted by its channel, not yet marked delivered. */
  "alert-sent",
] as const;

/** One of {@link CRASH_STEPS}. */
export type CrashStep = (typeof CRASH_STEPS)[number];

/** `CLAUSEWATCH_CRASH_AT` names no known step. */
export class UnknownCrashStepError extends Error {
  override name = "UnknownCrashStepError";
  constructor(value: string) {
    super(`CLAUSEWATCH_CRASH_AT=${value} names no crash step (one of: ${CRASH_STEPS.join(", ")})`);
  }
}

/** The step named by `value` (an environment variable's), undefined when unset. */
export function parseCrashStep(value: string | undefined): CrashStep | undefined {
  if (value === undefined || value === "") return undefined;
  if (!(CRASH_STEPS as readonly string[]).includes(value)) throw new UnknownCrashStepError(value);
  return value as CrashStep;
}

/** Read once, at the first crash point: a typo fails loudly there rather than never crashing. */
let target: CrashStep | undefined | null = null;

/** Kills this process at once when `CLAUSEWATCH_CRASH_AT` names `step`. */
export function crashPoint(step: CrashStep): void {
  if (target === null) target = parseCrashStep(process.env.CLAUSEWATCH_CRASH_AT);
  if (target === step) process.kill(process.pid, "SIGKILL");
}
