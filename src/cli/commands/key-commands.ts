/** `clausewatch keys add|list|revoke`: the operator issues the API keys that manage watchlists over HTTP. */
import type { Command } from "commander";
import { issueApiKey } from "../../access/index.js";
import { CliError, withContext } from "../context.js";

/** Registers `keys add`, `keys list` and `keys revoke`. */
export function registerKeyCommands(program: Command): void {
  const keys = program
    .command("keys")
    .description("API keys: each lets its holder manage their own watchlists over the HTTP API");

  keys
    .command("add")
    .description("issue a key; it is printed once and never stored, only its SHA-256")
    .argument("<name>", "who the key is for")
    .option("--json", "print JSON")
    .action(async (name: string, opts: { json?: boolean }) => {
      if (!name.trim()) throw new CliError("a key needs a name");
      await withContext(async ({ store }) => {
        const { key, apiKey } = await issueApiKey(store, name.trim());
        if (opts.json) {
          console.log(JSON.stringify({ ...apiKey, key }, null, 2));
          return;
        }
        console.log(`API key #${apiKey.id} "${apiKey.name}" issued. It is shown only now; keep it secret:`);
        console.log(key);
      });
    });

  keys
    .command("list")
    .description("keys with when they were created and last used, and whether they are revoked")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      await withContext(async ({ store }) => {
        const rows = await store.apiKeys.list();
        if (opts.json) console.log(JSON.stringify(rows, null, 2));
        else if (rows.length === 0) console.log("no API keys (issue one with: clausewatch keys add <name>)");
        else
          for (const k of rows)
            console.log(
              `#${k.id} ${k.name}: created ${k.createdAt}, last used ${k.lastUsedAt ?? "never"}${k.revokedAt ? `, revoked ${k.revokedAt}` : ""}`,
            );
      });
    });

  keys
    .command("revoke")
    .description("revoke a key at once (its watchlists stay; remove them with: clausewatch watch remove)")
    .argument("<id>", "key number")
    .action(async (id: string) => {
      await withContext(async ({ store }) => {
        if (!/^\d+$/.test(id) || !(await store.apiKeys.revoke(Number(id), new Date().toISOString())))
          throw new CliError(`no API key #${id} that is not already revoked`);
        console.log(`API key #${id} revoked`);
      });
    });
}
