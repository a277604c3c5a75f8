/** Completes pending analyses in a long-running process (`serve`, `worker`): at startup, then every minute. */
import type { Store } from "../store/index.js";
import { type Periodic, runPeriodically } from "../util/periodic.js";
import { type CompletionReport, completePending } from "./complete-version.js";

/** Options of {@link startCompletionLoop}. */
export interface CompletionLoopOptions {
  /** Between passes. Default a minute. */
  intervalMs?: number;
  /**
   * After the first pass, marks younger than this are left to the process that is completing them right after
   * its capture. Default a minute. The first pass takes every mark: a restarted process finishes what it left.
   */
  graceMs?: number;
  /** After every pass that completed or failed anything. */
  onPass?: (report: CompletionReport) => void;
  onError?: (error: unknown) => void;
}

/** Starts completing the versions left pending (by a crash) now and periodically; `stop()` waits for a pass. */
export function startCompletionLoop(store: Store, options: CompletionLoopOptions = {}): Periodic {
  const graceMs = options.graceMs ?? 60_000;
  return runPeriodically(
    async (n) => {
      const markedBefore = n === 0 ? undefined : new Date(Date.now() - graceMs).toISOString();
      const report = await completePending(store, markedBefore === undefined ? {} : { markedBefore });
      if (report.completed + report.failed > 0) options.onPass?.(report);
    },
    options.intervalMs ?? 60_000,
    options.onError,
  );
}
