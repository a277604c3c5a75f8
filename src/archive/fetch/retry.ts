/** Retries of transient failures: exponential backoff with jitter, and the server's Retry-After. */
import { setTimeout as sleep } from "node:timers/promises";
import { FetchDocumentError, HttpError } from "./errors.js";

/** Longest wait between two attempts, whatever the attempt number. */
const MAX_BACKOFF_MS = 60_000;

/**
 * Milliseconds a Retry-After value asks for (delay-seconds or HTTP-date), or null when absent or unreadable.
 * Dates in the past give 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/**
 * Delay before retry number `attempt` (0 for the first retry): `base * 2^attempt`, scaled by a random
 * factor in [0.5, 1) so that many workers failing together do not retry in lockstep.
 */
export function backoffDelay(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** attempt);
  return Math.round(ceiling * (0.5 + random() / 2));
}

/** Settings of {@link withRetries}. */
export interface RetrySettings {
  retries: number;
  backoffMs: number;
  maxRetryAfterMs: number;
  signal?: AbortSignal | undefined;
  /** Called before each wait; for logging. */
  onRetry?: (error: FetchDocumentError, attempt: number, delayMs: number) => void;
}

/**
 * Runs `operation`, retrying it after transient `FetchDocumentError`s (those with `mayBeTransient`).
 * Lasting errors and anything else are thrown at once. A Retry-After longer than `maxRetryAfterMs`
 * ends the retries: waiting that long belongs to the scheduler, not to a worker holding a job.
 */
export async function withRetries<T>(
  operation: (attempt: number) => Promise<T>,
  settings: RetrySettings,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!(error instanceof FetchDocumentError) || !error.mayBeTransient || attempt >= settings.retries) {
        throw error;
      }
      const retryAfter = error instanceof HttpError ? error.retryAfterMs : null;
      if (retryAfter !== null && retryAfter > settings.maxRetryAfterMs) throw error;
      const delay = retryAfter ?? backoffDelay(attempt, settings.backoffMs);
      settings.onRetry?.(error, attempt, delay);
      await sleep(delay, undefined, settings.signal ? { signal: settings.signal } : undefined);
    }
  }
}
