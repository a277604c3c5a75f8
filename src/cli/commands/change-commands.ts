/** Change commands: changes, diff, history, recompute. Thin shells over src/changes and src/pipeline. */
import type { Command } from "commander";
import { normalizeTermsType } from "../../archive/declarations/index.js";
import { computeChangeRecord } from "../../changes/change-record.js";
import { countChanges, formatCounts } from "../../changes/counts.js";
import { renderDiffText } from "../../changes/render-diff.js";
import type { Platform, TrackedDocument } from "../../model/index.js";
import { catchUp } from "../../pipeline/index.js";
import type { Store } from "../../store/index.js";
import { CliError, withContext } from "../context.js";
import { startProgress } from "../progress.js";

async function findPlatform(store: Store, name: string): Promise<Platform> {
  const platform = await store.platforms.find(name);
  if (!platform)
    throw new CliError(
      `no platform named "${name}" (see \`clausewatch stats\` and the web pages for the list)`,
    );
  return platform;
}

async function documentsOf(store: Store, platform: Platform, type?: string): Promise<TrackedDocument[]> {
  const documents = await store.documents.listByPlatform(platform.id);
  if (!type) return documents;
  const termsType = normalizeTermsType(type);
  const found = documents.filter((d) => d.termsType === termsType);
  if (found.length === 0) throw new CliError(`${platform.name} has no "${termsType}" document`);
  return found;
}

function parseId(value: string, what: string): number {
  const id = Number.parseInt(value.replace(/^CW-V-/i, ""), 10);
  if (!Number.isInteger(id) || id <= 0)
    throw new CliError(`${what} must be a version id (a positive number or CW-V-<n>)`);
  return id;
}

export function registerChangeCommands(program: Command): void {
  program
    .command("changes")
    .description("change records of a platform's documents, oldest first")
    .requiredOption("--platform <name>", "platform name or slug")
    .option("--type <terms type>", 'only this document type, e.g. "Privacy Policy"')
    .option("--json", "print JSON")
    .action(async (opts: { platform: string; type?: string; json?: boolean }) => {
      await withContext(async ({ store }) => {
        const platform = await findPlatform(store, opts.platform);
        const out = [];
        for (const document of await documentsOf(store, platform, opts.type)) {
          for (const record of await store.changes.listByDocument(document.id)) {
            out.push({
              id: record.id,
              platform: platform.name,
              termsType: document.termsType,
              date: record.recordedAt,
              fromVersion: record.fromVersionId,
              toVersion: record.toVersionId,
              kind: record.kind,
              severity: record.severity,
              headline: record.headline,
              counts: countChanges(record.provisionChanges),
              summary: record.summary,
              deltas: record.deltas,
              provisionChanges: record.provisionChanges.map((c) => ({
                change: c.change,
                before: c.before,
                after: c.after,
                clauses: c.clauses,
              })),
            });
          }
        }
        out.sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
        if (opts.json) {
          console.log(JSON.stringify(out, null, 2));
          return;
        }
        for (const r of out) {
          console.log(`${r.date}  ${r.termsType}  ${r.kind}/${r.severity}  (CW-C-${r.id})  ${r.headline}`);
          console.log(`    ${formatCounts(r.counts)}`);
          for (const line of r.summary) console.log(`    ${line}`);
        }
      });
    });

  program
    .command("diff")
    .description("provision-level diff between two versions (ids from `history`)")
    .argument("<versionA>", "older version id")
    .argument("<versionB>", "newer version id")
    .option("--json", "print JSON")
    .action(async (a: string, b: string, opts: { json?: boolean }) => {
      await withContext(async ({ store }) => {
        const [va, vb] = await Promise.all([
          store.versions.get(parseId(a, "versionA")),
          store.versions.get(parseId(b, "versionB")),
        ]);
        if (!va) throw new CliError(`no version ${a}`);
        if (!vb) throw new CliError(`no version ${b}`);
        if (va.documentId !== vb.documentId)
          console.error("note: the two versions belong to different documents");
        const [before, after] = await Promise.all([
          store.analyses
            .has(va.id)
            .then((has) => (has ? store.analyses.provisions(va.id, va.text) : undefined)),
          store.analyses
            .has(vb.id)
            .then((has) => (has ? store.analyses.provisions(vb.id, vb.text) : undefined)),
        ]);
        const result = computeChangeRecord({
          beforeText: va.text,
          afterText: vb.text,
          ...(before ? { before } : {}),
          ...(after ? { after } : {}),
        });
        if (opts.json) {
          const { kind, severity, headline, summary, deltas, provisionChanges, unchanged } = result;
          const counts = countChanges(provisionChanges);
          const out = { fromVersion: va.id, toVersion: vb.id, kind, severity, headline, counts, summary };
          console.log(JSON.stringify({ ...out, deltas, unchanged, provisionChanges }, null, 2));
          return;
        }
        console.log(result.headline);
        console.log(
          `${result.kind} change, ${result.severity} severity: ${formatCounts(countChanges(result.provisionChanges))}, ${result.unchanged} unchanged`,
        );
        for (const line of result.summary) console.log(`  • ${line}`);
        console.log("");
        process.stdout.write(
          renderDiffText(result.provisionChanges, { color: process.stdout.isTTY === true }),
        );
      });
    });

  program
    .command("history")
    .description("timeline of a document: versions and their change records")
    .requiredOption("--platform <name>", "platform name or slug")
    .requiredOption("--type <terms type>", 'document type, e.g. "Privacy Policy"')
    .option("--json", "print JSON")
    .action(async (opts: { platform: string; type: string; json?: boolean }) => {
      await withContext(async ({ store }) => {
        const platform = await findPlatform(store, opts.platform);
        const [document] = await documentsOf(store, platform, opts.type);
        if (!document) return;
        const versions = await store.versions.listByDocument(document.id);
        const records = new Map(
          (await store.changes.listByDocument(document.id)).map((r) => [r.toVersionId, r]),
        );
        const timeline = versions.map((v) => ({ version: v, change: records.get(v.id) ?? null }));
        if (opts.json) {
          console.log(
            JSON.stringify({ platform: platform.name, termsType: document.termsType, timeline }, null, 2),
          );
          return;
        }
        console.log(`${platform.name} — ${document.termsType}: ${versions.length} versions`);
        for (const { version, change } of timeline) {
          const kind = change ? `${change.kind}/${change.severity}` : "not analysed";
          console.log(
            `${version.recordedAt}  CW-V-${version.id}  ${kind}${version.commitKind ? `  [${version.commitKind}]` : ""}`,
          );
          for (const line of change?.summary ?? []) console.log(`    ${line}`);
        }
      });
    });

  program
    .command("recompute")
    .description("analyse versions and compute change records that are missing (or, with --all, everything)")
    .option("--all", "recompute every analysis and change record")
    .option("--platform <name>", "only this platform")
    .action(async (opts: { all?: boolean; platform?: string }) => {
      await withContext(async ({ store }) => {
        const documents = opts.platform
          ? await documentsOf(store, await findPlatform(store, opts.platform))
          : await store.documents.list();
        let analysed = 0;
        let changeRecords = 0;
        const progress = startProgress(documents.length, "recompute");
        let done = 0;
        for (const document of documents) {
          const r = await catchUp(store, { all: opts.all ?? false, documentId: document.id });
          analysed += r.analysed;
          changeRecords += r.changeRecords;
          progress.update(++done, document.termsType);
        }
        progress.stop();
        console.log(`analysed ${analysed} versions, computed ${changeRecords} change records`);
      });
    });
}
