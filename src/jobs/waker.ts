/**
 * A wait that ends early when woken: the queues' dispatch loops sleep until the next poll or retry is
 * due, and are woken at once when a job is enqueued in this process, a slot frees up, or they stop.
 */
export class Waker {
  private wakeUp: (() => void) | undefined;
  private pending = false;

  /** Resolves after `ms` (never when `ms` is infinite) or on the next {@link Waker.wake}. */
  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = Number.isFinite(ms) ? setTimeout(done, Math.max(0, ms)) : undefined;
      const self = this;
      function done() {
        if (timer) clearTimeout(timer);
        if (self.wakeUp === done) self.wakeUp = undefined;
        resolve();
      }
      this.wakeUp = done;
    });
  }

  /** Ends the current wait, or makes the next one return at once: a wake-up is never lost. */
  wake(): void {
    const wakeUp = this.wakeUp;
    if (wakeUp) wakeUp();
    else this.pending = true;
  }
}
