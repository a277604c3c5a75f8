/** `clausewatch demo`: the README's first command — the embedded default over the bundled demo corpus. */
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { importOtaDataset } from "../../archive/ota/index.js";
import { verifyArchive } from "../../archive/verify/index.js";
import { catchUp } from "../../pipeline/index.js";
import { withContext } from "../context.js";
import { startProgress } from "../progress.js";

/** The bundled demo corpus (real documents; see NOTICE), relative to this file in src/ and in dist/. */
export const DEMO_CORPUS = fileURLToPath(new URL("../../../demo/ota", import.meta.url));

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description("import the bundled demo corpus into the embedded database, verify it and print a summary")
    .action(async () => {
      await withContext(async ({ config, store, archiver }) => {
        console.log(`database: ${store.backend.location}`);
        let progress: ReturnType<typeof startProgress> | undefined;
        const summary = await importOtaDataset(archiver, DEMO_CORPUS, ({ done, total, entry }) => {
          progress ??= startProgress(total, "demo import");
          progress.update(done, entry.service);
        });
        progress?.stop();
        console.log(
          `demo corpus: ${summary.files} files, ${summary.versions} new versions, ${summary.verifications} verifications, ${summary.skipped} already present`,
        );
        await catchUp(store);
        const report = await verifyArchive(store);
        console.log(
          report.ok
            ? `archive verified: ${report.entries} chain entries, every hash matches`
            : `ARCHIVE VERIFICATION FAILED: ${report.firstProblem?.problem}`,
        );
        const stats = await store.stats();
        console.log(
          `platforms ${stats.platforms}, documents ${stats.documents}, snapshots ${stats.snapshots}, versions ${stats.versions}, chain entries ${stats.chainEntries}`,
        );
        console.log(`data directory: ${config.dataDir}`);
        if (!report.ok) process.exitCode = 1;
      });
    });
}
