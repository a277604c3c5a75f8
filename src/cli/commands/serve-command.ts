/** `clausewatch serve`: the web pages and HTTP API over the configured store. */
import type { Command } from "commander";
import { createTracking } from "../../jobs/index.js";
import { startServer } from "../../server/index.js";
import { type CliContext, CliError, openContext } from "../context.js";

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65535) throw new CliError(`invalid port: ${value} (0–65535)`);
  return port;
}

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the web pages and the read-only HTTP API (/api/v1, docs at /api/docs)")
    .option("--port <n>", "port to listen on (0: any free port)", "8080")
    .option("--host <address>", "interface to listen on", "127.0.0.1")
    .option("--public-url <url>", "public origin used in citation URLs (default: each request's origin)")
    .action(async (opts: { port: string; host: string; publicUrl?: string }) => {
      const port = parsePort(opts.port);
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
      });
    });
}

/**
 * Serves the pages and API over an opened context, with change tracking scheduled in the background,
 * until SIGINT or SIGTERM; then stops both and closes the context.
 */
export async function serveUntilStopped(
  ctx: CliContext,
  options: { port: number; host: string; publicUrl: string | null },
): Promise<void> {
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(ctx.store, options);
  } catch (error) {
    await ctx.close();
    throw new CliError(
      `cannot listen on ${options.host}:${options.port}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const tracking = createTracking(ctx.store, ctx.archiver, {
    onError: (error) => console.error(`tracking: ${error instanceof Error ? error.message : String(error)}`),
  });
  await tracking.start();
  console.log(`database: ${ctx.store.backend.location}`);
  console.log(
    `ClauseWatch is serving at ${server.url}/ (API docs: ${server.url}/api/docs). Press Ctrl+C to stop.`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await tracking.stop();
  await server.close();
  await ctx.close();
}
