import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HttpError, NetworkError, TimeoutError } from "./errors.js";
import { backoffDelay, parseRetryAfter, withRetries } from "./retry.js";

const fast = { retries: 3, backoffMs: 1, maxRetryAfterMs: 50 };

describe("retry policy", () => {
  it("parses Retry-After seconds and dates", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    assert.equal(parseRetryAfter("120", now), 120_000);
    assert.equal(parseRetryAfter("Wed, 01 Jan 2025 00:00:30 GMT", now), 30_000);
    assert.equal(parseRetryAfter("Tue, 31 Dec 2024 23:00:00 GMT", now), 0);
    assert.equal(parseRetryAfter("soon", now), null);
    assert.equal(parseRetryAfter(undefined, now), null);
  });

  it("grows the backoff exponentially within the jitter band", () => {
    assert.equal(
      backoffDelay(0, 100, () => 0),
      50,
    );
    assert.equal(
      backoffDelay(0, 100, () => 0.999999),
      100,
    );
    assert.equal(
      backoffDelay(3, 100, () => 0),
      400,
    );
    assert.equal(
      backoffDelay(30, 100, () => 0),
      30_000,
    );
  });

  it("retries transient errors and returns the first success", async () => {
    let calls = 0;
    const value = await withRetries(async () => {
      calls++;
      if (calls < 3) throw new TimeoutError("http://x/", 1);
      return "ok";
    }, fast);
    assert.equal(value, "ok");
    assert.equal(calls, 3);
  });

  it("does not retry lasting errors or foreign errors", async () => {
    for (const failure of [
      new HttpError("http://x/", 403),
      new NetworkError("http://x/", "bad cert", "CERT_HAS_EXPIRED", false),
      new TypeError("bug"),
    ]) {
      let calls = 0;
      await assert.rejects(
        withRetries(async () => {
          calls++;
          throw failure;
        }, fast),
        (error: unknown) => error === failure,
      );
      assert.equal(calls, 1);
    }
  });

  it("classifies statuses: 408, 425, 429 and 5xx are transient", () => {
    for (const status of [408, 425, 429, 500, 502, 503, 504])
      assert.equal(new HttpError("u", status).mayBeTransient, true);
    for (const status of [400, 401, 403, 404, 410, 451])
      assert.equal(new HttpError("u", status).mayBeTransient, false);
  });

  it("stops when the attempts are used up, or when Retry-After exceeds the cap", async () => {
    let calls = 0;
    await assert.rejects(
      withRetries(async () => {
        calls++;
        throw new HttpError("http://x/", 503);
      }, fast),
      HttpError,
    );
    assert.equal(calls, 4);
    calls = 0;
    await assert.rejects(
      withRetries(async () => {
        calls++;
        throw new HttpError("http://x/", 429, 60_000);
      }, fast),
      HttpError,
    );
    assert.equal(calls, 1);
  });

  it("stops waiting when the caller aborts", async () => {
    const controller = new AbortController();
    controller.abort(new Error("shutdown"));
    await assert.rejects(
      withRetries(
        async () => {
          throw new TimeoutError("http://x/", 1);
        },
        { ...fast, backoffMs: 60_000, signal: controller.signal },
      ),
      /abort/i,
    );
  });
});
