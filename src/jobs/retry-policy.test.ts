import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { JobsConfigError } from "./errors.js";
import { resolveRetryPolicy, retryDelayMs, shouldRetry } from "./retry-policy.js";

describe("retry policy", () => {
  const policy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 5_000 };

  it("doubles the delay after each attempt, with jitter between half and all of it, up to the cap", () => {
    assert.equal(
      retryDelayMs(1, policy, () => 0),
      500,
    );
    assert.equal(
      retryDelayMs(1, policy, () => 1),
      1_000,
    );
    assert.equal(
      retryDelayMs(2, policy, () => 1),
      2_000,
    );
    assert.equal(
      retryDelayMs(3, policy, () => 0.5),
      3_000,
    );
    assert.equal(
      retryDelayMs(10, policy, () => 1),
      5_000,
    );
  });

  it("retries until the last allowed attempt", () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((attempt) => shouldRetry(attempt, policy)),
      [true, true, true, false],
    );
  });

  it("rejects impossible policies", () => {
    assert.throws(() => resolveRetryPolicy({ maxAttempts: 0 }), JobsConfigError);
    assert.throws(() => resolveRetryPolicy({ baseDelayMs: 10, maxDelayMs: 5 }), JobsConfigError);
    assert.equal(resolveRetryPolicy({ maxAttempts: 2 }).maxAttempts, 2);
  });
});
