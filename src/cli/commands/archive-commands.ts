/** Archive commands: import-ota, export-ota, export-warc, track, capture, verify, stats. Thin shells over src/archive. */
import { join, resolve } from "node:path";
import type { Command } from "commander";
import type { RecordOutcome } from "../../archive/archiver.js";
import { normalizeTermsType, readDeclarations } from "../../archive/declarations/index.js";
import { parseLocation } from "../../archive/fetch/index.js";
import { exportOtaDataset, importOtaDataset } from "../../archive/ota/index.js";
import { exportWarc } from "../../archive/warc/warc-export.js";
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

/**
 * What `capture` fetches: the URL, which must be http: or https:, or the absolute path given with `--file`.
 * Refused before anything is stored, so a refused location never becomes a declared source.
 */
function captureLocation(url: string | undefined, file: string | undefined): string {
  if ((url === undefined) === (file === undefined)) {
    throw new CliError("give either an http(s) URL or --file PATH (one of them)");
  }
  if (file !== undefined) return resolve(file);
  const location = parseLocation(url ?? "");
  if (location.kind === "file") {
    throw new CliError(
      `${JSON.stringify(url)} is not an http: or https: URL; to capture a local file, use --file PATH`,
    );
  }
  return location.url.href;
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
    .command("export-warc")
    .description("write the WARC record of every capture, wherever it is kept, as standard WARC/1.1 files")
    .option("--out <dir>", "target folder", "warc-export")
    .option("--platform <slug...>", "only these platforms (repeatable)")
    .action(async (opts: { out: string; platform?: string[] }) => {
      await withContext(async ({ store, config }) => {
        const outDir = resolve(opts.out);
        const result = await exportWarc(store, {
          warcDir: join(config.dataDir, "warc"),
          outDir,
          platforms: opts.platform ?? [],
        });
        console.log(
          `exported ${result.records} WARC records into ${result.files.length} file(s) in ${outDir}`,
        );
        if (result.problems.length > 0) {
          for (const problem of result.problems) console.error(`not exported: ${problem}`);
          throw new CliError(`${result.problems.length} WARC record(s) could not be read; run verify`);
        }
      });
    });

  program
    .command("track")
    .description("capture every document declared in Open Terms Archive declaration files")
    .option("--declarations <dir>", "folder of <service>.json declarations", "declarations")
    .option("--allow-local-files", "let declarations fetch local paths and file: URLs (refused by default)")
    .action(async (opts: { declarations: string; allowLocalFiles?: boolean }) => {
      const declarations = await readDeclarations(resolve(opts.declarations));
      await withContext(async ({ store, archiver }) => {
        const failures: string[] = [];
        for (const declaration of declarations) {
          const platform = await store.platforms.ensure(declaration.name);
          for (const declared of declaration.documents) {
            const document = await store.documents.ensure(platform.id, declared.termsType, declared.sources);
            const outcome = await archiver.captureDocument(document, {
              allowLocalFiles: opts.allowLocalFiles ?? false,
            });
            const line = `${declaration.name} / ${declared.termsType}: ${describeOutcome(outcome)}`;
            if (outcome.kind === "error") failures.push(line);
            console.log(line);
          }
        }
        if (failures.length > 0) {
          for (const failure of failures) console.error(`failed: ${failure}`);
          throw new CliError(
            `${failures.length} document(s) could not be captured; errors are stored against them`,
          );
        }
      });
    });

  program
    .command("capture")
    .description(
      "capture one web page (http: or https: URL) or, with --file, one local file (HTML, Markdown, text, PDF) as a platform's document",
    )
    .argument("[url]", "http: or https: URL")
    .option("--file <path>", "capture this local file instead of a URL")
    .requiredOption("--platform <name>", "platform name")
    .requiredOption("--type <terms type>", 'document type, e.g. "Privacy Policy"')
    .option("--select <css>", "CSS selector of the document's content")
    .option("--remove <css>", "CSS selector of parts to drop")
    .option("--scripts", "render the page in headless Chromium first")
    .action(
      async (
        url: string | undefined,
        opts: {
          file?: string;
          platform: string;
          type: string;
          select?: string;
          remove?: string;
          scripts?: boolean;
        },
      ) => {
        const termsType = normalizeTermsType(opts.type);
        const source = {
          fetch: captureLocation(url, opts.file),
          ...(opts.select ? { select: opts.select } : {}),
          ...(opts.remove ? { remove: opts.remove } : {}),
          ...(opts.scripts ? { executeClientScripts: true } : {}),
        };
        await withContext(async ({ store, archiver }) => {
          const platform = await store.platforms.ensure(opts.platform);
          // A local file is captured once and never declared as a source: scheduled tracking reads no disk.
          const outcome = opts.file
            ? await archiver.captureDocument(
                { ...(await store.documents.ensure(platform.id, termsType)), sources: [source] },
                { allowLocalFiles: true },
              )
            : await archiver.captureDocument(await store.documents.ensure(platform.id, termsType, [source]));
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
