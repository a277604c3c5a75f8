/**
 * Scheduling and the work queue (PRODUCT.md H1, H2): `createTracking` tracks every declared document
 * in the background, with an in-process queue on SQLite and a shared PostgreSQL queue for many workers.
 */
export { createCaptureHandler, describeOutcome, resultOf } from "./capture-handler.js";
export { EmbeddedQueue, type EmbeddedQueueOptions } from "./embedded-queue.js";
export { JobsConfigError, JobsError, SingleProcessStoreError } from "./errors.js";
export {
  type CaptureJobTable,
  type JobState,
  type JobsDatabase,
  jobsDatabase,
} from "./postgres-jobs-table.js";
export { openPostgresQueue, PostgresQueue, type PostgresQueueOptions } from "./postgres-queue.js";
export { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs, shouldRetry } from "./retry-policy.js";
export {
  checkIntervalMinutes,
  DEFAULT_TRACK_INTERVAL_MINUTES,
  type EnqueueSummary,
  Scheduler,
  type SchedulerOptions,
  trackIntervalMinutesFromEnv,
} from "./scheduler.js";
export {
  createTracking,
  requireSharedStore,
  type Tracking,
  type TrackingOptions,
  type TrackingRun,
} from "./tracking.js";
export {
  type CaptureJob,
  DEFAULT_CONCURRENCY,
  type JobEvent,
  type JobHandler,
  type JobResult,
  type ProcessOptions,
  type StopOptions,
  type WorkQueue,
} from "./work-queue.js";
