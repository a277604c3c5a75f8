/**
 * The tracking schedule: every interval, enqueue a capture of every document with declared sources.
 * The queue keeps at most one unfinished job per document, so a tick never doubles work already
 * waiting, and several schedulers (one per `serve` process) may tick against the same PostgreSQL queue.
 */
import type { TrackedDocument } from "../model/index.js";
import type { Store } from "../store/index.js";
import { JobsConfigError } from "./errors.js";
import type { WorkQueue } from "./work-queue.js";

/** Default interval between captures of a document: 6 hours. */
export const DEFAULT_TRACK_INTERVAL_MINUTES = 360;

/** Node's timers cannot wait longer than 2^31 − 1 ms (about 24.8 days). */
const MAX_INTERVAL_MINUTES = Math.floor((2 ** 31 - 1) / 60_000);

/** Checks an interval in minutes (fractions allowed, for tests and demos). */
export function checkIntervalMinutes(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_INTERVAL_MINUTES) {
    throw new JobsConfigError(
      `the tracking interval must be a number of minutes above 0 and at most ${MAX_INTERVAL_MINUTES}, not ${minutes}`,
    );
  }
  return minutes;
}

/** `CLAUSEWATCH_TRACK_INTERVAL_MINUTES`, or the default of 6 hours. */
export function trackIntervalMinutesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CLAUSEWATCH_TRACK_INTERVAL_MINUTES?.trim();
  if (!raw) return DEFAULT_TRACK_INTERVAL_MINUTES;
  const minutes = Number(raw);
  try {
    return checkIntervalMinutes(minutes);
  } catch (error) {
    throw new JobsConfigError(`CLAUSEWATCH_TRACK_INTERVAL_MINUTES=${raw}: ${(error as Error).message}`);
  }
}

/** What one round of enqueueing did. */
export interface EnqueueSummary {
  /** Documents with declared sources. */
  tracked: number;
  /** Documents a capture was asked for (all tracked ones, or the due ones on a scheduled tick). */
  documentIds: number[];
  /** Jobs added. */
  enqueued: number;
  /** Documents that already had an unfinished job. */
  alreadyQueued: number;
}

/** Options of the scheduler. */
export interface SchedulerOptions {
  intervalMinutes: number;
  /** A tick that failed (e.g. the database is unreachable); the next tick tries again. */
  onError?: (error: unknown) => void;
  /** After every scheduled tick. */
  onTick?: (summary: EnqueueSummary) => void;
}

/** When the document was last fetched or last failed to be, if ever (imports do not count). */
async function lastAttemptAt(store: Store, document: TrackedDocument): Promise<number | undefined> {
  const snapshots = await store.snapshots.listByDocument(document.id);
  const times = snapshots.filter((s) => s.method !== "import").map((s) => Date.parse(s.capturedAt));
  if (document.lastErrorAt) times.push(Date.parse(document.lastErrorAt));
  const valid = times.filter((t) => Number.isFinite(t));
  return valid.length > 0 ? Math.max(...valid) : undefined;
}

/** Enqueues captures now and then every interval. */
export class Scheduler {
  private readonly intervalMs: number;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<unknown> | undefined;

  constructor(
    private readonly store: Store,
    private readonly queue: WorkQueue,
    private readonly options: SchedulerOptions,
  ) {
    this.intervalMs = checkIntervalMinutes(options.intervalMinutes) * 60_000;
  }

  /** Ticks now, then every interval, until {@link Scheduler.stop}. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.scheduledTick(), this.intervalMs);
    this.scheduledTick();
  }

  /** Stops ticking; waits for a tick in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
  }

  /**
   * Enqueues the documents that are due: not fetched (nor failed) within the last half interval. The
   * half keeps a restart from re-fetching every site, without letting a capture that finished a little
   * after a tick push its document to the tick after next.
   */
  async tick(): Promise<EnqueueSummary> {
    const tracked = await this.trackedDocuments();
    const due: TrackedDocument[] = [];
    const now = Date.now();
    for (const document of tracked) {
      const last = await lastAttemptAt(this.store, document);
      if (last === undefined || now - last >= this.intervalMs / 2) due.push(document);
    }
    return this.enqueue(tracked.length, due);
  }

  /** Enqueues every tracked document, due or not (an explicit "track now"). */
  async enqueueAll(): Promise<EnqueueSummary> {
    const tracked = await this.trackedDocuments();
    return this.enqueue(tracked.length, tracked);
  }

  private scheduledTick(): void {
    // A tick still running (a huge registry, a slow database) is not overlapped by the next one.
    if (this.ticking) return;
    this.ticking = this.tick()
      .then((summary) => this.options.onTick?.(summary))
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.ticking = undefined;
      });
  }

  private async trackedDocuments(): Promise<TrackedDocument[]> {
    return (await this.store.documents.list()).filter((d) => d.sources.length > 0);
  }

  private async enqueue(tracked: number, documents: TrackedDocument[]): Promise<EnqueueSummary> {
    let enqueued = 0;
    for (const document of documents) if (await this.queue.enqueue(document.id)) enqueued++;
    return {
      tracked,
      documentIds: documents.map((d) => d.id),
      enqueued,
      alreadyQueued: documents.length - enqueued,
    };
  }
}
