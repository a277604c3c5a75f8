/**
 * A token bucket per API key for the write routes: a burst of `burst` writes, refilled at `perMinute`. Kept
 * in memory, so each server process (see `serve --workers`) counts on its own; it is there to stop a runaway
 * script, not to meter anyone.
 */
import { createMiddleware } from "hono/factory";
import { tooManyRequests } from "../http-errors.js";
import type { KeyEnv } from "./api-key-auth.js";

/** Token buckets keyed by API key id. */
export class TokenBuckets {
  private readonly buckets = new Map<number, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
  ) {}

  /** Takes a token of `key` at `nowMs`: 0 when there was one, else the whole seconds until there is. */
  take(key: number, nowMs: number): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: nowMs };
    // A clock that steps back refills nothing rather than draining the bucket.
    const elapsed = Math.max(0, nowMs - bucket.at);
    const tokens = Math.min(this.burst, bucket.tokens + (elapsed * this.perMinute) / 60_000);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: nowMs });
      return 0;
    }
    this.buckets.set(key, { tokens, at: nowMs });
    return Math.ceil(((1 - tokens) * 60) / this.perMinute);
  }
}

/** Writes per key: a burst of 30, then one every 2 s. */
export const WRITE_BURST = 30;
const WRITES_PER_MINUTE = 30;

/** Refuses a write with 429 and `Retry-After` when the caller's bucket is empty; after `requireApiKey`. */
export function limitWrites(now: () => Date) {
  const buckets = new TokenBuckets(WRITE_BURST, WRITES_PER_MINUTE);
  return createMiddleware<KeyEnv>(async (c, next) => {
    const wait = buckets.take(c.get("apiKey").id, now().getTime());
    if (wait > 0) throw tooManyRequests(wait);
    await next();
  });
}
