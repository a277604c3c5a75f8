/** Archive commands: import-ota, export-ota, track, capture, verify, stats. Thin shells over src/archive. */
import { resolve } from "node:path";
import type { Command } from "commander";
import type { RecordOutcome } from "../../archive/archiver.js";
import { normalizeTermsType, readDeclarations } from "../../archive/declarations/index.js";
import { exportOtaDataset, importOtaDataset } from "../../archive/ota/index.js";
import { catchUp } from "../../pipeline/index.js";
import { CliError, withContext } from "../context.js";
import { startProgress } from "../progress.js";
import { registerVerifyCommand } from "./verify-command.js";

function describeOutcome(outcome: RecordOutcome): string {
  switch (outcome.kind) {
    case "version":
      return `new version ${outcome.version.id} (sha256 ${outcome.version.sha256.slice(0, 12)}…)`;
    case "verification":
      return `unchanged: verified version ${outcome.version.id}`;
    case "skipped":
      return `skipped: ${outcome.reason}`;
    case "error":
      return `error ${outcome.code}${outcome.transient ? " (transient, will retry next run)" : ""}: ${outcome.message}`;
  }
}

export function registerArchiveCommands(program: Command): void {
  program
    .command("import-ota")
    .description(
      "import an Open Terms Archive versions dataset (<Service>/<Terms Type>/<date>.md), keeping its dates",
    )
    .argument("<dir>", "dataset folder")
    .action(async (dir: string) => {
      await withContext(async ({ store, archiver }) => {
        let progress: ReturnType<typeof startProgress> | undefined;
        const summary = await importOtaDataset(archiver, resolve(dir), ({ done, total, entry }) => {
          progress ??= startProgress(total, "import");
          progress.update(done, `${entry.service} / ${entry.termsType}`);
        });
        progress?.stop();
        for (const warning of summary.warnings) console.error(`warning: ${warning}`);
        console.log(
          `imported ${summary.files} files: ${summary.versions} new versions, ${summary.verifications} unchanged (verifications), ${summary.skipped} already present`,
        );
        // Finishes analyses that an interrupted earlier run left undone.
        const pending = await catchUp(store);
        await store.optimize();
        if (pending.analysed + pending.changeRecords > 0) {
          console.log(
            `completed ${pending.analysed} pending analyses and ${pending.changeRecords} change records`,
          );
        }
      });
    });

  program
    .command("export-ota")
    .description("export every version in the Open Terms Archive dataset layout")
    .argument("<dir>", "target folder")
    .action(async (dir: string) => {
      await withContext(async ({ store }) => {
        const n = await exportOtaDataset(store, resolve(dir));
        console.log(`exported ${n} versions to ${resolve(dir)}`);
      });
    });

  program
    .command("track")
    .description("capture every document declared in Open Terms Archive declaration files")
    .option("--declarations <dir>", "folder of <service>.json declarations", "declarations")
    .action(async (opts: { declarations: string }) => {
      const declarations = await readDeclarations(resolve(opts.declarations));
      await withContext(async ({ store, archiver }) => {
        let failures = 0;
        for (const declaration of declarations) {
          const platform = await store.platforms.ensure(declaration.name);
          for (const declared of declaration.documents) {
            const document = await store.documents.ensure(platform.id, declared.termsType, declared.sources);
            const outcome = await archiver.captureDocument(document);
            if (outcome.kind === "error") failures++;
            console.log(`${declaration.name} / ${declared.termsType}: ${describeOutcome(outcome)}`);
          }
        }
        if (failures > 0)
          console.error(`${failures} document(s) could not be captured; errors are stored against them`);
      });
    });

  program
    .command("capture")
    .description("capture one URL or local file (HTML, Markdown, text, PDF) as a platform's document")
    .argument("<location>", "URL or file path")
    .requiredOption("--platform <name>", "platform name")
    .requiredOption("--type <terms type>", 'document type, e.g. "Privacy Policy"')
    .option("--select <css>", "CSS selector of the document's content")
    .option("--remove <css>", "CSS selector of parts to drop")
    .option("--scripts", "render the page in headless Chromium first")
    .action(
      async (
        location: string,
        opts: { platform: string; type: string; select?: string; remove?: string; scripts?: boolean },
      ) => {
        const termsType = normalizeTermsType(opts.type);
        const fetch = /^[a-z][a-z0-9+.-]*:\/\//i.test(location) ? location : resolve(location);
        await withContext(async ({ store, archiver }) => {
          const platform = await store.platforms.ensure(opts.platform);
          const document = await store.documents.ensure(platform.id, termsType, [
            {
              fetch,
              ...(opts.select ? { select: opts.select } : {}),
              ...(opts.remove ? { remove: opts.remove } : {}),
              ...(opts.scripts ? { executeClientScripts: true } : {}),
            },
          ]);
          const outcome = await archiver.captureDocument(document);
          console.log(`${platform.name} / ${termsType}: ${describeOutcome(outcome)}`);
          if (outcome.kind === "error")
            throw new CliError("capture failed; the error is stored against the document");
        });
      },
    );

  registerVerifyCommand(program);

  program
    .command("stats")
    .description("counts of platforms, documents, snapshots, versions and chain entries")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      await withContext(async ({ store }) => {
        const stats = await store.stats();
        if (opts.json) console.log(JSON.stringify(stats));
        else for (const [k, v] of Object.entries(stats)) console.log(`${k.padEnd(14)} ${v}`);
      });
    });
}
