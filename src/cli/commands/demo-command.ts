/** `clausewatch demo`: the README's first command — the embedded default over the bundled demo corpus. */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { importOtaDataset } from "../../archive/ota/index.js";
import { verifyArchive } from "../../archive/verify/index.js";
import { catchUp } from "../../pipeline/index.js";
import { dashboardCounts } from "../../store/queries/index.js";
import { openContext } from "../context.js";
import { startProgress } from "../progress.js";
import { serveUntilStopped } from "./serve-command.js";

/** The bundled demo corpus (real documents; see NOTICE), relative to this file in src/ and in dist/. */
export const DEMO_CORPUS = fileURLToPath(new URL("../../../demo/ota", import.meta.url));

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description(
      "import and analyse the bundled demo corpus in the embedded database, verify it, then serve the web app",
    )
    .option("--port <n>", "port of the web app", "8080")
    .option("--no-serve", "stop after importing, verifying and printing the summary")
    .action(async (opts: { port: string; serve: boolean }) => {
      const ctx = await openContext();
      const { config, store, archiver } = ctx;
      try {
        console.log(`database: ${store.backend.location}`);
        let progress: ReturnType<typeof startProgress> | undefined;
        const summary = await importOtaDataset(archiver, DEMO_CORPUS, ({ done, total, entry }) => {
          progress ??= startProgress(total, "demo import");
          progress.update(done, entry.service);
        });
        progress?.stop();
        await catchUp(store);
        await store.optimize();
        console.log(
          `demo corpus: ${summary.files} files, ${summary.versions} new versions, ${summary.verifications} verifications, ${summary.skipped} already present`,
        );
        const report = await verifyArchive(store, { warcDir: join(config.dataDir, "warc") });
        console.log(
          report.ok
            ? `archive verified: ${report.entries} chain entries, every hash matches`
            : `ARCHIVE VERIFICATION FAILED: ${report.firstProblem?.problem}`,
        );
        const stats = await store.stats();
        // Change records as the dashboard counts them (after first versions): one definition everywhere.
        const counts = await dashboardCounts(store.backend);
        console.log(
          `platforms ${stats.platforms}, documents ${stats.documents}, snapshots ${stats.snapshots}, versions ${stats.versions}, chain entries ${stats.chainEntries}, change records ${counts.changes} (${counts.substantiveChanges} substantive)`,
        );
        console.log(`data directory: ${config.dataDir}`);
        if (!report.ok) process.exitCode = 1;
      } catch (error) {
        await ctx.close();
        throw error;
      }
      if (!opts.serve || process.exitCode === 1) {
        await ctx.close();
        return;
      }
      await serveUntilStopped(ctx, { port: Number(opts.port), host: "127.0.0.1", publicUrl: null });
    });
}
