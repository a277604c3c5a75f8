/**
 * The in-process work queue of the embedded (SQLite) setup: one process, jobs in memory. Nothing is
 * lost by keeping them there: the scheduler enqueues every document that is due again when the
 * process starts. Mirrors postgres-queue.ts step by step (enqueue, dispatch, run, finish, stop).
 */
import { performance } from "node:perf_hooks";
import { JobsConfigError } from "./errors.js";
import { checkConcurrency, gaveUp, reportJob, unexpectedFailure } from "./queue-support.js";
import { type RetryPolicy, resolveRetryPolicy, retryDelayMs, shouldRetry } from "./retry-policy.js";
import { Waker } from "./waker.js";
import {
  type CaptureJob,
  DEFAULT_CONCURRENCY,
  type JobEvent,
  type JobHandler,
  type JobResult,
  type ProcessOptions,
  type StopOptions,
  type WorkQueue,
} from "./work-queue.js";

/** Options of the embedded queue. */
export interface EmbeddedQueueOptions {
  retry?: Partial<RetryPolicy>;
}

/** An unfinished job. */
interface OpenJob {
  id: number;
  documentId: number;
  /** Attempts started so far. */
  attempts: number;
  /** When it may (next) run, in ms since the epoch. */
  runAt: number;
  running: boolean;
}

/** In-memory queue: no duplicates (one open job per document), bounded concurrency, retries with backoff. */
export class EmbeddedQueue implements WorkQueue {
  readonly kind = "embedded";
  private readonly retry: RetryPolicy;
  /** Open jobs by document id: the map itself enforces one unfinished job per document. */
  private readonly open = new Map<number, OpenJob>();
  private readonly running = new Set<Promise<void>>();
  private readonly waker = new Waker();
  private nextId = 1;
  private started = false;
  private stopping = false;
  private abandoned = false;
  private dispatcher: Promise<void> | undefined;

  constructor(options: EmbeddedQueueOptions = {}) {
    this.retry = resolveRetryPolicy(options.retry);
  }

  get processing(): boolean {
    return this.started && !this.stopping;
  }

  async enqueue(documentId: number): Promise<boolean> {
    if (this.open.has(documentId)) return false;
    this.open.set(documentId, {
      id: this.nextId++,
      documentId,
      attempts: 0,
      runAt: Date.now(),
      running: false,
    });
    this.waker.wake();
    return true;
  }

  async countOpen(documentIds?: readonly number[]): Promise<number> {
    if (!documentIds) return this.open.size;
    return documentIds.filter((id) => this.open.has(id)).length;
  }

  process(handler: JobHandler, options: ProcessOptions = {}): void {
    if (this.started) throw new JobsConfigError("this queue is already processing jobs");
    const concurrency = checkConcurrency(options.concurrency ?? DEFAULT_CONCURRENCY);
    this.started = true;
    this.dispatcher = this.dispatch(handler, concurrency, options);
  }

  async stop(options: StopOptions = {}): Promise<void> {
    this.stopping = true;
    this.abandoned ||= options.abandon === true;
    this.waker.wake();
    await this.dispatcher;
    if (!this.abandoned) await Promise.all(this.running);
  }

  /** Starts due jobs while slots are free; sleeps until the next one is due or something changes. */
  private async dispatch(handler: JobHandler, concurrency: number, options: ProcessOptions): Promise<void> {
    while (!this.stopping) {
      const next = this.nextWaiting();
      const now = Date.now();
      if (this.running.size < concurrency && next && next.runAt <= now) {
        this.start(next, handler, options);
        continue;
      }
      const dueIn = this.running.size < concurrency && next ? next.runAt - now : Number.POSITIVE_INFINITY;
      await this.waker.wait(dueIn);
    }
  }

  /** The waiting job to run first: earliest due, then first enqueued. */
  private nextWaiting(): OpenJob | undefined {
    let best: OpenJob | undefined;
    for (const job of this.open.values()) {
      if (job.running) continue;
      if (!best || job.runAt < best.runAt || (job.runAt === best.runAt && job.id < best.id)) best = job;
    }
    return best;
  }

  private start(open: OpenJob, handler: JobHandler, options: ProcessOptions): void {
    open.running = true;
    open.attempts++;
    const run = this.run(open, handler, options).finally(() => {
      this.running.delete(run);
      this.waker.wake();
    });
    this.running.add(run);
  }

  private async run(open: OpenJob, handler: JobHandler, options: ProcessOptions): Promise<void> {
    const job: CaptureJob = { id: open.id, documentId: open.documentId, attempt: open.attempts };
    const started = performance.now();
    let result: JobResult;
    try {
      result = await handler(job);
    } catch (error) {
      result = unexpectedFailure(error);
    }
    if (this.abandoned) return;
    reportJob(options, this.finish(open, job, result, performance.now() - started));
  }

  /** Records the attempt's result: the job leaves the queue, or waits for its next attempt. */
  private finish(open: OpenJob, job: CaptureJob, result: JobResult, durationMs: number): JobEvent {
    open.running = false;
    if (result.status === "retry" && shouldRetry(open.attempts, this.retry)) {
      const retryInMs = retryDelayMs(open.attempts, this.retry);
      open.runAt = Date.now() + retryInMs;
      return { job, status: "retrying", detail: result.detail, durationMs, retryInMs };
    }
    this.open.delete(open.documentId);
    if (result.status === "retry") {
      return { job, status: "failed", detail: gaveUp(open.attempts, result.detail), durationMs };
    }
    return { job, status: result.status, detail: result.detail, durationMs };
  }
}
