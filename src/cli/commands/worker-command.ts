/**
 * `clausewatch worker`: processes capture jobs from the PostgreSQL queue until SIGINT or SIGTERM, then
 * lets the running captures finish and exits. Run any number of them, on any number of machines.
 */
import type { Command } from "commander";
import { closeBrowser } from "../../archive/fetch/index.js";
import { DEFAULT_PUBLIC_URL } from "../../config.js";
import {
  createTracking,
  type JobEvent,
  requireSharedStore,
  SingleProcessStoreError,
} from "../../jobs/index.js";
import { startAlertLoop } from "../../notify/index.js";
import { startCompletionLoop } from "../../pipeline/index.js";
import { type CliContext, CliError, openContext } from "../context.js";

/** Most captures one worker runs at once: beyond this, run more workers. */
const MAX_CONCURRENCY = 64;

function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_CONCURRENCY) {
    throw new CliError(`invalid --concurrency: ${value} (a whole number from 1 to ${MAX_CONCURRENCY})`);
  }
  return n;
}

/** One log line per capture attempt. */
export function formatJobEvent(event: JobEvent, at: Date = new Date()): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const verdict =
    event.status === "retrying"
      ? `failed in ${seconds(event.durationMs)}, retrying in ${seconds(event.retryInMs ?? 0)}`
      : `${event.status} in ${seconds(event.durationMs)}`;
  return `${at.toISOString()} job ${event.job.id} document ${event.job.documentId} attempt ${event.job.attempt}: ${verdict} — ${event.detail}`;
}

/** When to stop: `stop` lets running captures finish, `abandon` leaves them to other workers. */
export interface WorkerControl {
  stop: Promise<void>;
  abandon: Promise<void>;
}

/**
 * Processes jobs until `control.stop`, then finishes the running ones (or, on `control.abandon`, leaves
 * them for other workers to take over after the visibility timeout). Resolves with how it ended.
 */
export async function runWorker(
  ctx: Pick<CliContext, "store" | "archiver">,
  options: { concurrency: number; control: WorkerControl; log?: (line: string) => void },
): Promise<"stopped" | "abandoned"> {
  const log = options.log ?? ((line: string) => console.log(line));
  try {
    requireSharedStore(ctx.store);
  } catch (error) {
    if (error instanceof SingleProcessStoreError) throw new CliError(`worker: ${error.message}`);
    throw error;
  }
  const tracking = createTracking(ctx.store, ctx.archiver, {
    schedule: false,
    concurrency: options.concurrency,
    onJob: (event) => log(formatJobEvent(event)),
    onError: (error) =>
      log(`${new Date().toISOString()} error: ${error instanceof Error ? error.message : error}`),
  });
  await tracking.start();
  const queue = tracking.queue;
  log(
    `worker processing captures from ${ctx.store.backend.location} (concurrency ${options.concurrency}); ` +
      "Ctrl+C or SIGTERM stops it after the running captures",
  );
  await options.control.stop;
  log("stopping: finishing the running captures (signal again to leave them to other workers)");
  return Promise.race([
    tracking.stop().then(() => "stopped" as const),
    options.control.abandon.then(async () => {
      await queue?.stop({ abandon: true });
      return "abandoned" as const;
    }),
  ]);
}

/** The first SIGINT/SIGTERM asks to stop, the second to abandon. */
function signalControl(): WorkerControl & { dispose(): void } {
  let signals = 0;
  let stop = () => {};
  let abandon = () => {};
  const control = {
    stop: new Promise<void>((resolve) => {
      stop = resolve;
    }),
    abandon: new Promise<void>((resolve) => {
      abandon = resolve;
    }),
  };
  const onSignal = () => {
    signals++;
    if (signals === 1) stop();
    else abandon();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    ...control,
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}

/** Registers `clausewatch worker [--concurrency N]`. */
export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description(
      "process capture jobs from the PostgreSQL queue until SIGINT/SIGTERM (any number of workers)",
    )
    .option("--concurrency <n>", "captures run at the same time by this worker", "4")
    .action(async (opts: { concurrency: string }) => {
      const concurrency = parseConcurrency(opts.concurrency);
      const ctx = await openContext();
      const control = signalControl();
      // Workers send due alerts too: leases keep two processes from sending the same one.
      const alerts = startAlertLoop(ctx.store, ctx.config, ctx.config.publicUrl ?? DEFAULT_PUBLIC_URL, {
        intervalMs: ctx.config.alertIntervalSeconds * 1000,
        onError: (error) =>
          console.error(`alerts: ${error instanceof Error ? error.message : String(error)}`),
      });
      // Versions a crash (of any worker) left without analysis, change record or alerts.
      const completion = startCompletionLoop(ctx.store, {
        onPass: (r) => console.log(`completed ${r.completed} pending analyses (${r.failed} failed)`),
        onError: (error) =>
          console.error(`analysis: ${error instanceof Error ? error.message : String(error)}`),
      });
      let ended: "stopped" | "abandoned" = "stopped";
      try {
        ended = await runWorker(ctx, { concurrency, control });
      } finally {
        control.dispose();
        await alerts.stop();
        await completion.stop();
        if (ended === "abandoned") {
          // Abandoned captures may still hold connections: exit without waiting for them.
          console.log("left the running captures to other workers");
          process.exit(130);
        }
        await closeBrowser();
        await ctx.close();
      }
      console.log("worker stopped");
    });
}
