/**
 * Background tracking: the scheduler plus the work queue that suits the store — the embedded queue
 * for SQLite (one process), the PostgreSQL queue for PostgreSQL (many workers on many machines).
 * `serve` calls `start()`; `worker` starts only the processing side; `runOnce()` tracks everything now.
 */
import type { Archiver } from "../archive/archiver.js";
import type { Store } from "../store/index.js";
import { createCaptureHandler } from "./capture-handler.js";
import { EmbeddedQueue } from "./embedded-queue.js";
import { SingleProcessStoreError } from "./errors.js";
import { openPostgresQueue, type PostgresQueueOptions } from "./postgres-queue.js";
import type { RetryPolicy } from "./retry-policy.js";
import { type EnqueueSummary, Scheduler, trackIntervalMinutesFromEnv } from "./scheduler.js";
import { Waker } from "./waker.js";
import type { JobEvent, StopOptions, WorkQueue } from "./work-queue.js";

/** Options of {@link createTracking}. */
export interface TrackingOptions {
  /** Minutes between captures of a document. Default `CLAUSEWATCH_TRACK_INTERVAL_MINUTES`, else 360. */
  intervalMinutes?: number;
  /** Captures run at the same time by this process. Default 4. */
  concurrency?: number;
  /** Whether `start()` runs the scheduler. Default true; the `worker` command says false. */
  schedule?: boolean;
  /**
   * Whether `start()` processes jobs in this process. Default true. Only PostgreSQL can leave processing
   * to `worker` processes: with the embedded queue this process always processes its own jobs.
   */
  process?: boolean;
  /** Attempts and backoff of transient capture failures. */
  retry?: Partial<RetryPolicy>;
  /** PostgreSQL queue settings (visibility timeout, polling, retention). */
  postgres?: Omit<PostgresQueueOptions, "retry">;
  /** After every capture attempt processed by this process. */
  onJob?: (event: JobEvent) => void;
  /** A failure of the schedule or the queue itself (the captures' own failures go to `onJob`). */
  onError?: (error: unknown) => void;
  /** After every scheduled tick. */
  onTick?: (summary: EnqueueSummary) => void;
}

/** What `runOnce()` did. */
export interface TrackingRun {
  /** Documents with declared sources. */
  tracked: number;
  /** Captures added to the queue. */
  enqueued: number;
  /** Documents that already had a capture queued or running (waited for too). */
  alreadyQueued: number;
}

/** Tracking of every declared document. */
export interface Tracking {
  /** Starts the scheduler and/or the processing of jobs, as configured. */
  start(): Promise<void>;
  /** Stops both; by default running captures finish first. */
  stop(options?: StopOptions): Promise<void>;
  /**
   * Enqueues a capture of every tracked document now and resolves when they are all finished (retries
   * included), processing them here if this process is not processing already.
   */
  runOnce(): Promise<TrackingRun>;
  /** The queue in use, once opened by `start()` or `runOnce()`. */
  readonly queue: WorkQueue | undefined;
}

/** Refuses a store that only one process may use: separate workers need PostgreSQL. */
export function requireSharedStore(store: Store): void {
  if (store.backend.dialect !== "postgres") throw new SingleProcessStoreError();
}

/** How often `runOnce()` checks whether its captures are finished. */
const RUN_ONCE_CHECK_MS = { embedded: 20, postgres: 250 } as const;

/** Tracking over `store`, capturing with `archiver` (give it the version listener: see src/pipeline). */
export function createTracking(store: Store, archiver: Archiver, options: TrackingOptions = {}): Tracking {
  const handler = createCaptureHandler(store, archiver);
  let queue: WorkQueue | undefined;
  let opening: Promise<WorkQueue> | undefined;
  let scheduler: Scheduler | undefined;
  let started = false;

  function openQueue(): Promise<WorkQueue> {
    opening ??= newQueue().then((q) => {
      queue = q;
      return q;
    });
    return opening;
  }

  async function newQueue(): Promise<WorkQueue> {
    return store.backend.dialect === "postgres"
      ? openPostgresQueue(store, { ...options.postgres, ...(options.retry ? { retry: options.retry } : {}) })
      : new EmbeddedQueue(options.retry ? { retry: options.retry } : {});
  }

  function startProcessing(q: WorkQueue): void {
    q.process(handler, {
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      ...(options.onJob ? { onJob: options.onJob } : {}),
      ...(options.onError ? { onError: options.onError } : {}),
    });
  }

  function schedulerFor(q: WorkQueue): Scheduler {
    scheduler ??= new Scheduler(store, q, {
      // Read when first needed, so a worker (which never schedules) ignores the variable.
      intervalMinutes: options.intervalMinutes ?? trackIntervalMinutesFromEnv(),
      ...(options.onError ? { onError: options.onError } : {}),
      ...(options.onTick ? { onTick: options.onTick } : {}),
    });
    return scheduler;
  }

  /** Forgets a stopped queue: a stopped queue cannot be restarted, the next use opens a new one. */
  function reset(): void {
    queue = undefined;
    opening = undefined;
    scheduler = undefined;
    started = false;
  }

  /** Resolves when none of the documents has an unfinished job. */
  async function finished(q: WorkQueue, documentIds: number[]): Promise<void> {
    const waker = new Waker();
    while ((await q.countOpen(documentIds)) > 0) await waker.wait(RUN_ONCE_CHECK_MS[q.kind]);
  }

  return {
    get queue() {
      return queue;
    },

    async start() {
      const q = await openQueue();
      if ((options.process !== false || q.kind === "embedded") && !q.processing) startProcessing(q);
      if (options.schedule !== false) schedulerFor(q).start();
      started = true;
    },

    async stop(stopOptions) {
      await scheduler?.stop();
      await queue?.stop(stopOptions);
      reset();
    },

    async runOnce() {
      const q = await openQueue();
      const summary = await schedulerFor(q).enqueueAll();
      if (q.processing) {
        await finished(q, summary.documentIds);
      } else if (started) {
        // Started without processing (PostgreSQL, captures left to workers): help with a queue of our own
        // on the same table, so the running scheduler keeps its queue.
        const helper = await newQueue();
        startProcessing(helper);
        try {
          await finished(helper, summary.documentIds);
        } finally {
          await helper.stop();
        }
      } else {
        startProcessing(q);
        try {
          await finished(q, summary.documentIds);
        } finally {
          await q.stop();
          reset();
        }
      }
      return { tracked: summary.tracked, enqueued: summary.enqueued, alreadyQueued: summary.alreadyQueued };
    },
  };
}
