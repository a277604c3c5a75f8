/**
 * The PostgreSQL work queue: any number of `worker` processes on any number of machines share the
 * jobs of one `capture_jobs` table. Mirrors embedded-queue.ts step by step (enqueue, dispatch, run,
 * finish, stop); what differs is where the state lives and how ownership is proven:
 *
 * - a worker claims a job with `FOR UPDATE SKIP LOCKED`, so each claim goes to exactly one worker;
 * - the claim is a lease (`lease_expires_at`) that the worker renews while the job runs; a job whose
 *   lease expired belongs to a dead worker and is claimed again by anyone, so it is redone once;
 * - results are written only under the lease token, so a worker that lost its lease cannot overwrite
 *   the result of the worker that took the job over;
 * - every time comes from the database clock, so machines with skewed clocks still agree.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { performance } from "node:perf_hooks";
import { type Kysely, type Selectable, sql } from "kysely";
import type { Store } from "../store/index.js";
import { JobsConfigError, JobsError } from "./errors.js";
import {
  type CaptureJobTable,
  ensureJobsTable,
  type JobState,
  type JobsDatabase,
  jobsDatabase,
} from "./postgres-jobs-table.js";
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

/** Options of the PostgreSQL queue. */
export interface PostgresQueueOptions {
  retry?: Partial<RetryPolicy>;
  /**
   * How long a claimed job stays invisible to other workers without a lease renewal. Running jobs renew
   * every third of it, so it bounds how late a dead worker's job is picked up, not how long a job may
   * run. Default 5 minutes.
   */
  visibilityTimeoutMs?: number;
  /** How often an idle worker looks for work (enqueues in the same process wake it at once). Default 2 s. */
  pollIntervalMs?: number;
  /** How long finished jobs are kept for diagnosis. Default 7 days. */
  retentionMs?: number;
  /** This process's name in the `worker` column. Default host:pid:random. */
  workerName?: string;
}

const DEFAULT_VISIBILITY_TIMEOUT_MS = 5 * 60_000;
const DEFAULT_POLL_INTERVAL_MS = 2_000;
const DEFAULT_RETENTION_MS = 7 * 24 * 3_600_000;
/** Pruning old jobs is housekeeping: once an hour per process is plenty. */
const PRUNE_EVERY_MS = 3_600_000;

type JobRow = Selectable<CaptureJobTable>;

/** `now() + ms` on the database clock. */
function fromNow(ms: number) {
  return sql<Date>`now() + ${ms}::double precision * interval '1 millisecond'`;
}

/** The handler's view of a claimed row. */
function toJob(row: JobRow): CaptureJob {
  return { id: row.id, documentId: row.document_id, attempt: row.attempts };
}

/** Opens the queue over the store's PostgreSQL database, creating its table when missing. */
export async function openPostgresQueue(
  store: Store,
  options: PostgresQueueOptions = {},
): Promise<PostgresQueue> {
  if (store.backend.dialect !== "postgres") {
    throw new JobsConfigError("the PostgreSQL work queue needs a PostgreSQL store");
  }
  const db = jobsDatabase(store.db);
  await ensureJobsTable(db);
  return new PostgresQueue(db, options);
}

/** Jobs in a PostgreSQL table, shared by every worker process. */
export class PostgresQueue implements WorkQueue {
  readonly kind = "postgres";
  readonly workerName: string;
  private readonly retry: RetryPolicy;
  private readonly visibilityTimeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly retentionMs: number;
  private readonly running = new Set<Promise<void>>();
  /** Lease renewals of running jobs, cleared at once when the queue is abandoned. */
  private readonly heartbeats = new Set<NodeJS.Timeout>();
  private readonly waker = new Waker();
  private started = false;
  private stopping = false;
  private abandoned = false;
  private dispatcher: Promise<void> | undefined;
  private lastPrune = 0;

  constructor(
    private readonly db: Kysely<JobsDatabase>,
    options: PostgresQueueOptions = {},
  ) {
    this.retry = resolveRetryPolicy(options.retry);
    this.visibilityTimeoutMs = options.visibilityTimeoutMs ?? DEFAULT_VISIBILITY_TIMEOUT_MS;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
    if (!(this.visibilityTimeoutMs >= 100)) throw new JobsConfigError("visibilityTimeoutMs must be ≥ 100");
    if (!(this.pollIntervalMs >= 10)) throw new JobsConfigError("pollIntervalMs must be ≥ 10");
    this.workerName = options.workerName ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  }

  get processing(): boolean {
    return this.started && !this.stopping;
  }

  async enqueue(documentId: number): Promise<boolean> {
    // The partial unique index rejects a second unfinished job for the document; no target needed,
    // as it is the only constraint an insert of a new row can break.
    const row = await this.db
      .insertInto("capture_jobs")
      .values({ document_id: documentId, state: "queued" })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    if (row) this.waker.wake();
    return row !== undefined;
  }

  async countOpen(documentIds?: readonly number[]): Promise<number> {
    let query = this.db
      .selectFrom("capture_jobs")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("state", "in", ["queued", "running"]);
    // `= any(array)` keeps one parameter however many documents there are.
    if (documentIds) query = query.where(sql<boolean>`document_id = any(${[...documentIds]}::integer[])`);
    const { n } = await query.executeTakeFirstOrThrow();
    return Number(n);
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
    if (this.abandoned) for (const heartbeat of this.heartbeats) clearInterval(heartbeat);
    this.waker.wake();
    await this.dispatcher;
    if (!this.abandoned) await Promise.all(this.running);
  }

  /** Claims jobs while slots are free; polls when there is none. */
  private async dispatch(handler: JobHandler, concurrency: number, options: ProcessOptions): Promise<void> {
    while (!this.stopping) {
      if (this.running.size >= concurrency) {
        await this.waker.wait(Number.POSITIVE_INFINITY);
        continue;
      }
      let row: JobRow | undefined;
      try {
        row = await this.claim();
      } catch (error) {
        options.onError?.(error);
        await this.waker.wait(this.pollIntervalMs);
        continue;
      }
      if (!row) {
        await this.prune(options);
        await this.waker.wait(this.pollIntervalMs);
        continue;
      }
      if (row.attempts > this.retry.maxAttempts) {
        // Claimed again and again after its lease expired: its workers keep dying on it (a page that
        // exhausts memory, say). Stop handing it out.
        const detail = gaveUp(row.attempts - 1, "its worker stopped without finishing it");
        await this.settle(row, "failed", detail)
          .then(() => reportJob(options, { job: toJob(row), status: "failed", detail, durationMs: 0 }))
          .catch((error: unknown) => options.onError?.(error));
        continue;
      }
      const run = this.run(row, handler, options).finally(() => {
        this.running.delete(run);
        this.waker.wake();
      });
      this.running.add(run);
    }
  }

  /** Takes the first due job, or the first whose worker's lease expired. */
  private claim(): Promise<JobRow | undefined> {
    return this.db
      .updateTable("capture_jobs")
      .set({
        state: "running",
        attempts: sql<number>`attempts + 1`,
        lease_token: randomUUID(),
        lease_expires_at: fromNow(this.visibilityTimeoutMs),
        worker: this.workerName,
      })
      .where("id", "=", (eb) =>
        eb
          .selectFrom("capture_jobs")
          .select("id")
          .where((w) =>
            w.or([
              w.and([w("state", "=", "queued"), w("run_at", "<=", sql<Date>`now()`)]),
              w.and([w("state", "=", "running"), w("lease_expires_at", "<", sql<Date>`now()`)]),
            ]),
          )
          .orderBy("run_at")
          .orderBy("id")
          .limit(1)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .executeTakeFirst();
  }

  private async run(row: JobRow, handler: JobHandler, options: ProcessOptions): Promise<void> {
    const job = toJob(row);
    const started = performance.now();
    const heartbeat = setInterval(() => {
      this.renew(row).catch((error: unknown) => options.onError?.(error));
    }, this.visibilityTimeoutMs / 3);
    this.heartbeats.add(heartbeat);
    let result: JobResult;
    try {
      result = await handler(job);
    } catch (error) {
      result = unexpectedFailure(error);
    } finally {
      clearInterval(heartbeat);
      this.heartbeats.delete(heartbeat);
    }
    // An abandoned job is left as a dead worker leaves it: another worker redoes it after the timeout.
    if (this.abandoned) return;
    try {
      reportJob(options, await this.finish(row, job, result, performance.now() - started));
    } catch (error) {
      options.onError?.(error);
    }
  }

  /** Extends the lease of a running job. */
  private async renew(row: JobRow): Promise<void> {
    await this.db
      .updateTable("capture_jobs")
      .set({ lease_expires_at: fromNow(this.visibilityTimeoutMs) })
      .where("id", "=", row.id)
      .where("lease_token", "=", row.lease_token)
      .where("state", "=", "running")
      .execute();
  }

  /** Records the attempt's result: the job is finished, or queued again for a later attempt. */
  private async finish(
    row: JobRow,
    job: CaptureJob,
    result: JobResult,
    durationMs: number,
  ): Promise<JobEvent> {
    if (result.status === "retry" && shouldRetry(row.attempts, this.retry)) {
      const retryInMs = retryDelayMs(row.attempts, this.retry);
      await this.settle(row, "queued", result.detail, retryInMs);
      return { job, status: "retrying", detail: result.detail, durationMs, retryInMs };
    }
    const status = result.status === "retry" ? "failed" : result.status;
    const detail = result.status === "retry" ? gaveUp(row.attempts, result.detail) : result.detail;
    await this.settle(row, status, detail);
    return { job, status, detail, durationMs };
  }

  /** Writes a claimed job's new state, only if this worker still holds its lease. */
  private async settle(row: JobRow, state: JobState, detail: string, retryInMs = 0): Promise<void> {
    const result = await this.db
      .updateTable("capture_jobs")
      .set({
        state,
        detail,
        lease_token: null,
        lease_expires_at: null,
        ...(state === "queued" ? { run_at: fromNow(retryInMs) } : { finished_at: sql<Date>`now()` }),
      })
      .where("id", "=", row.id)
      .where("lease_token", "=", row.lease_token)
      .where("state", "=", "running")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new JobsError(
        `job ${row.id} (document ${row.document_id}): its lease expired before it finished, so another ` +
          "worker may have run it again; raise the visibility timeout if this recurs",
      );
    }
  }

  /** Deletes jobs finished longer ago than the retention period. */
  private async prune(options: ProcessOptions): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    try {
      await this.db
        .deleteFrom("capture_jobs")
        .where("state", "in", ["done", "failed"])
        .where("finished_at", "<", fromNow(-this.retentionMs))
        .execute();
    } catch (error) {
      options.onError?.(error);
    }
  }
}
