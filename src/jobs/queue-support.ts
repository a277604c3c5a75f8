/** Small rules both queue implementations share, so they behave the same. */
import { JobsConfigError } from "./errors.js";
import type { JobEvent, JobResult, ProcessOptions } from "./work-queue.js";

/** Validates a concurrency setting. */
export function checkConcurrency(concurrency: number): number {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new JobsConfigError(`concurrency must be a whole number ≥ 1, not ${concurrency}`);
  }
  return concurrency;
}

/** A handler that threw: unexpected (database, bug), so worth another attempt rather than a verdict. */
export function unexpectedFailure(error: unknown): JobResult {
  return {
    status: "retry",
    detail: `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
  };
}

/** The detail of a job that failed transiently on its last allowed attempt. */
export function gaveUp(attempts: number, detail: string): string {
  return `gave up after ${attempts} attempts: ${detail}`;
}

/** Hands an attempt's event to the listener; a failing listener must not stop the queue. */
export function reportJob(options: ProcessOptions, event: JobEvent): void {
  try {
    options.onJob?.(event);
  } catch (error) {
    options.onError?.(error);
  }
}
