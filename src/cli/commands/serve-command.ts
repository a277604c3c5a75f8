/** `clausewatch serve`: the web pages and HTTP API over the configured store. */
import cluster from "node:cluster";
import type { Command } from "commander";
import { loadOrCreateSigningKey } from "../../archive/chain/signing-key.js";
import { createTracking } from "../../jobs/index.js";
import { startAlertLoop } from "../../notify/index.js";
import { startCompletionLoop } from "../../pipeline/index.js";
import { forkWebWorkers, startServer } from "../../server/index.js";
import { type CliContext, CliError, openContext } from "../context.js";

/** Most web worker processes: more than the cores only adds switching. */
const MAX_WORKERS = 64;

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!/^\d{1,2}$/.test(value) || n < 1 || n > MAX_WORKERS)
    throw new CliError(`invalid --workers: ${value} (1–${MAX_WORKERS})`);
  return n;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65535) throw new CliError(`invalid port: ${value} (0–65535)`);
  return port;
}

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the web pages and the HTTP API (/api/v1, docs at /api/docs)")
    .option("--port <n>", "port to listen on (0: any free port)", "8080")
    .option("--host <address>", "interface to listen on", "127.0.0.1")
    .option("--public-url <url>", "public origin used in citation URLs (default: each request's origin)")
    .option("--workers <n>", "web server processes sharing the port (tracking runs once, in the first)", "1")
    .action(async (opts: { port: string; host: string; publicUrl?: string; workers: string }) => {
      const port = parsePort(opts.port);
      const workers = parseWorkers(opts.workers);
      if (opts.publicUrl !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(opts.publicUrl)) {
        throw new CliError(
          `invalid --public-url: ${opts.publicUrl} (an origin such as https://clausewatch.example)`,
        );
      }
      const ctx = await openContext();
      await serveUntilStopped(ctx, {
        port,
        host: opts.host,
        publicUrl: opts.publicUrl?.replace(/\/$/, "") ?? null,
        workers,
      });
    });
}

/** Options of {@link serveUntilStopped}. */
export interface ServeOptions {
  port: number;
  host: string;
  publicUrl: string | null;
  /** Web server processes; above 1 the pages are served by forked workers (node:cluster). */
  workers?: number;
}

function waitForStopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/**
 * Serves the pages and API over an opened context, with change tracking and alert delivery scheduled in the
 * background, until SIGINT or SIGTERM; then stops them and closes the context. With `workers` above 1 the pages are
 * served by forked processes; in such a worker this serves pages only, until the primary stops it.
 */
export async function serveUntilStopped(ctx: CliContext, options: ServeOptions): Promise<void> {
  const workers = options.workers ?? 1;
  const serverOptions = {
    ...options,
    // Reports, feeds and citations link to the public origin too, not only alerts.
    publicUrl: options.publicUrl ?? ctx.config.publicUrl,
    allowPrivateNetwork: ctx.config.allowPrivateNetwork,
    signingKey: await loadOrCreateSigningKey(ctx.config.signingKeyFile),
  };
  if (cluster.isWorker) {
    // A forked web worker: pages only. Tracking, and its writes, stay with the primary. Ctrl+C reaches the
    // whole process group; the primary alone decides, and stops the workers with SIGTERM.
    process.on("SIGINT", () => {});
    try {
      const server = await startServer(ctx.store, serverOptions);
      await new Promise<void>((resolve) => process.once("SIGTERM", () => resolve()));
      await server.close();
    } finally {
      await ctx.close();
      // The IPC channel to the primary would keep this process alive (failed or done) with nothing to do.
      cluster.worker?.disconnect();
    }
    return;
  }
  let server: { url: string; close(): Promise<void> };
  try {
    if (workers > 1) {
      const forked = await forkWebWorkers(workers, options.host);
      server = { url: forked.url, close: forked.stop };
    } else {
      server = await startServer(ctx.store, serverOptions);
    }
  } catch (error) {
    await ctx.close();
    if (error instanceof CliError) throw error;
    throw new CliError(
      `cannot listen on ${options.host}:${options.port}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  // Versions a crash left without analysis, change record or alerts: completed now and every minute.
  const completion = startCompletionLoop(ctx.store, {
    onPass: (r) => console.log(`completed ${r.completed} pending analyses (${r.failed} failed)`),
    onError: (error) => console.error(`analysis: ${error instanceof Error ? error.message : String(error)}`),
  });
  const tracking = createTracking(ctx.store, ctx.archiver, {
    onError: (error) => console.error(`tracking: ${error instanceof Error ? error.message : String(error)}`),
  });
  await tracking.start();
  // Alert links point at --public-url, else CLAUSEWATCH_PUBLIC_URL, else the address served.
  const alerts = startAlertLoop(
    ctx.store,
    ctx.config,
    options.publicUrl ?? ctx.config.publicUrl ?? server.url,
    {
      intervalMs: ctx.config.alertIntervalSeconds * 1000,
      onError: (error) => console.error(`alerts: ${error instanceof Error ? error.message : String(error)}`),
    },
  );
  console.log(`database: ${ctx.store.backend.location}`);
  const by = workers > 1 ? ` by ${workers} worker processes` : "";
  console.log(
    `ClauseWatch is serving at ${server.url}/${by} (API docs: ${server.url}/api/docs). Press Ctrl+C to stop.`,
  );
  await waitForStopSignal();
  await tracking.stop();
  await completion.stop();
  await alerts.stop();
  await server.close();
  await ctx.close();
}
