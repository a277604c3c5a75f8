/** `verify`: every hash, the chain, what it covers, and the signed head of its Merkle log. A thin shell over src/archive. */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { type Checkpoint, CheckpointError, parseCheckpoint } from "../../archive/chain/checkpoint.js";
import { signHead } from "../../archive/chain/log.js";
import type { Digest } from "../../archive/chain/merkle.js";
import { loadOrCreateSigningKey } from "../../archive/chain/signing-key.js";
import { verifyArchive } from "../../archive/verify/index.js";
import { CliError, withContext } from "../context.js";

async function readCheckpointFile(path: string): Promise<Checkpoint> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new CliError(`cannot read the checkpoint ${path}: ${(error as Error).message}`);
  }
  try {
    return parseCheckpoint(text);
  } catch (error) {
    if (error instanceof CheckpointError) throw new CliError(`${path}: ${error.message}`);
    throw error;
  }
}

export function registerVerifyCommand(program: Command): void {
  program
    .command("verify")
    .description(
      "recompute every stored hash, the hash chain and what it covers, and sign the head of its log; exit status 1 when anything was altered",
    )
    .option("--json", "print the report and the signed checkpoint as JSON")
    .option("--checkpoint <file>", "prove that this earlier saved checkpoint is a prefix of today's log")
    .option(
      "--save-checkpoint <file>",
      "write today's signed checkpoint to this file (when verification passes)",
    )
    .action(async (opts: { json?: boolean; checkpoint?: string; saveCheckpoint?: string }) => {
      const earlier = opts.checkpoint ? await readCheckpointFile(opts.checkpoint) : undefined;
      await withContext(async ({ store, config }) => {
        const key = await loadOrCreateSigningKey(config.signingKeyFile);
        let leaves: readonly Digest[] = [];
        const report = await verifyArchive(store, {
          warcDir: join(config.dataDir, "warc"),
          ...(earlier ? { checkpoint: { checkpoint: earlier, key } } : {}),
          onLeaves: (l) => {
            leaves = l;
          },
        });
        const checkpoint = report.ok ? signHead(leaves, key, new Date()) : null;
        if (opts.json) console.log(JSON.stringify({ ...report, checkpoint }, null, 2));
        else if (report.ok) {
          console.log(
            `verified: ${report.entries} chain entries, ${report.snapshotsChecked} snapshots (${report.warcRecordsChecked} WARC records), ${report.versionsChecked} versions, ${report.verificationsChecked} verifications, ${report.sealsChecked} analyses and change records — all hashes match`,
          );
          if (earlier)
            console.log(
              `the checkpoint of ${earlier.time} (${earlier.treeSize} entries) is a prefix of today's log: nothing it covered was removed or rewritten`,
            );
          console.log(
            `log head: ${report.entries} entries, root ${report.rootHash}, signed ${checkpoint?.time}`,
          );
        } else {
          for (const p of report.problems) {
            console.error(`BROKEN ${p.seq === null ? "" : `at chain entry ${p.seq}: `}${p.problem}`);
          }
          if (report.problemCount > report.problems.length)
            console.error(`… and ${report.problemCount - report.problems.length} more problem(s)`);
        }
        if (!report.ok) {
          const first = report.firstProblem;
          throw new CliError(`verification failed: first broken record: ${first?.problem ?? "unknown"}`);
        }
        if (opts.saveCheckpoint && checkpoint) {
          await writeFile(opts.saveCheckpoint, `${JSON.stringify(checkpoint, null, 2)}\n`);
          if (!opts.json) console.log(`checkpoint saved to ${opts.saveCheckpoint}`);
        }
      });
    });
}
