/** Errors of scheduling and the work queue. */

/** Base of every error raised by src/jobs. */
export class JobsError extends Error {
  override name = "JobsError";
}

/** A setting is out of range: an interval, a concurrency, a retry policy. */
export class JobsConfigError extends JobsError {
  override name = "JobsConfigError";
}

/**
 * Processing was asked for in a separate process on the embedded SQLite database, which only one
 * process may write: the queue lives in that process's memory.
 */
export class SingleProcessStoreError extends JobsError {
  override name = "SingleProcessStoreError";
  constructor() {
    super(
      "separate workers need PostgreSQL (DATABASE_URL=postgres://…): the embedded SQLite database is " +
        "single-process, and `clausewatch serve` already captures tracked documents in its own process",
    );
  }
}
