import { Archiver } from "../archive/archiver.js";
import { warcSinkFor } from "../archive/warc/warc-writer.js";
import { type Config, loadConfig } from "../config.js";
import { createVersionListener } from "../pipeline/index.js";
import { openStore, type Store } from "../store/index.js";

/** What every command works with: configuration, storage and the archiver over it. */
export interface CliContext {
  config: Config;
  store: Store;
  archiver: Archiver;
  close(): Promise<void>;
}

/** Opens storage as configured by the environment. */
export async function openContext(): Promise<CliContext> {
  const config = loadConfig();
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    ...(config.archiveStorage ? { archiveStorage: config.archiveStorage } : {}),
  });
  const archiver = new Archiver(store, {
    warc: warcSinkFor(store, config.dataDir),
    fetch: { allowPrivateNetwork: config.allowPrivateNetwork },
    onVersion: createVersionListener(store),
  });
  return { config, store, archiver, close: () => store.close() };
}

/** Runs a command body with a context that is always closed. */
export async function withContext<T>(body: (ctx: CliContext) => Promise<T>): Promise<T> {
  const ctx = await openContext();
  try {
    return await body(ctx);
  } finally {
    await ctx.close();
  }
}

/** A failure to report to the user as one clear line and an exit status, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}
