/** A task that a long-running process repeats in the background. */

/** A started {@link runPeriodically}. */
export interface Periodic {
  /** Stops the repetition and waits for a pass in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` now, then every `intervalMs`, one pass at a time (a slow pass delays the next instead of overlapping
 * it). A failed pass goes to `onError` and the next one runs as planned.
 */
export function runPeriodically(
  pass: (n: number) => Promise<void>,
  intervalMs: number,
  onError: (error: unknown) => void = () => {},
): Periodic {
  let running: Promise<void> = Promise.resolve();
  let n = 0;
  const tick = (): void => {
    const current = n++;
    running = running.then(() => pass(current)).catch(onError);
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
