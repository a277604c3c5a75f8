/**
 * The work queue's contract, shared by the embedded (in-process, SQLite) and the PostgreSQL
 * implementation, so the scheduler, the tracking service and the `worker` command never know which
 * one they drive.
 */

/** One capture to do: which document, and which attempt this is (1 for the first). */
export interface CaptureJob {
  readonly id: number;
  readonly documentId: number;
  readonly attempt: number;
}

/**
 * What a handler decided about one attempt: `done` (captured), `failed` (a lasting failure, recorded
 * and not retried) or `retry` (a transient failure: try again later, while attempts remain).
 */
export type JobResult =
  | { readonly status: "done"; readonly detail: string }
  | { readonly status: "failed"; readonly detail: string }
  | { readonly status: "retry"; readonly detail: string };

/** Does one job. A thrown error counts as `retry`: it means something unexpected, e.g. the database. */
export type JobHandler = (job: CaptureJob) => Promise<JobResult>;

/** The end of one attempt, for logs: one per attempt. */
export interface JobEvent {
  readonly job: CaptureJob;
  /** `retrying`: scheduled again after `retryInMs`; `failed`: lasting failure or out of attempts. */
  readonly status: "done" | "failed" | "retrying";
  readonly detail: string;
  readonly durationMs: number;
  readonly retryInMs?: number;
}

/** How to process jobs. */
export interface ProcessOptions {
  /** Jobs run at the same time by this process. Default 4. */
  concurrency?: number;
  /** Called after every attempt (the `worker` command logs one line per call). */
  onJob?: (event: JobEvent) => void;
  /** Called when the queue itself fails (e.g. the database is unreachable); processing goes on. */
  onError?: (error: unknown) => void;
}

/** How to stop. */
export interface StopOptions {
  /**
   * Return at once, without waiting for running jobs or recording their results, as if the process
   * died: the PostgreSQL queue hands them to another worker after the visibility timeout. Default false:
   * running jobs finish first.
   */
  abandon?: boolean;
}

/** A queue of capture jobs: at most one unfinished job per document. */
export interface WorkQueue {
  readonly kind: "embedded" | "postgres";
  /** Adds a capture of the document unless one is already queued or running; true when added. */
  enqueue(documentId: number): Promise<boolean>;
  /** Starts processing jobs with `handler` until {@link WorkQueue.stop}. Call once. */
  process(handler: JobHandler, options?: ProcessOptions): void;
  /** Whether {@link WorkQueue.process} was called and the queue is not stopped. */
  readonly processing: boolean;
  /** Unfinished (queued or running) jobs, of every document or of the given ones. */
  countOpen(documentIds?: readonly number[]): Promise<number>;
  /** Stops taking jobs; by default waits for running ones to finish. */
  stop(options?: StopOptions): Promise<void>;
}

/** Default number of jobs run at once by one process. */
export const DEFAULT_CONCURRENCY = 4;
