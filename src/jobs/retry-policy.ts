/** When a transiently failed job is tried again, and when it is given up. */
import { JobsConfigError } from "./errors.js";

/** Attempts and backoff of transient failures. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Delay after the first failed attempt; doubles after each further one. */
  baseDelayMs: number;
  /** Longest delay between attempts. */
  maxDelayMs: number;
}

/**
 * Five attempts over about a quarter of an hour: the fetch stage already retried each attempt a few
 * times within seconds, so these cover outages of minutes, and the next scheduled run covers longer ones.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 60_000,
  maxDelayMs: 30 * 60_000,
};

/** Whether a job whose `attempt` (1-based) just failed transiently gets another one. */
export function shouldRetry(attempt: number, policy: RetryPolicy): boolean {
  return attempt < policy.maxAttempts;
}

/**
 * Delay before the attempt after `attempt` (1-based): exponential, capped, with jitter between half and
 * all of it so that jobs that failed together (one site down) do not all come back at the same moment.
 */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  return Math.round(capped / 2 + (capped / 2) * random());
}

/** Fills in the defaults of a partial policy and checks it. */
export function resolveRetryPolicy(policy: Partial<RetryPolicy> = {}): RetryPolicy {
  const resolved = { ...DEFAULT_RETRY_POLICY, ...policy };
  if (!Number.isInteger(resolved.maxAttempts) || resolved.maxAttempts < 1) {
    throw new JobsConfigError(`retry maxAttempts must be a whole number ≥ 1, not ${resolved.maxAttempts}`);
  }
  if (!(resolved.baseDelayMs >= 0) || !(resolved.maxDelayMs >= resolved.baseDelayMs)) {
    throw new JobsConfigError("retry delays must satisfy 0 ≤ baseDelayMs ≤ maxDelayMs");
  }
  return resolved;
}
