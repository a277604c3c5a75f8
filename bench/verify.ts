/**
 * Speed of `verify` on an existing archive (e.g. the one `clausewatch demo --no-serve` builds), as a ratio against
 * a pass measured in the same run that only reads every blob and version text and SHA-256-hashes them (the floor
 * of any verification), plus signing the log's head.
 *
 *   node --import tsx bench/verify.ts --data-dir <dir> [--database-url <url>] [--runs 3]
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadLeaves, signHead } from "../src/archive/chain/log.js";
import { loadOrCreateSigningKey } from "../src/archive/chain/signing-key.js";
import { verifyArchive } from "../src/archive/verify/index.js";
import { openStore } from "../src/store/index.js";
import { sha256Hex } from "../src/util/hash.js";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    "database-url": { type: "string" },
    runs: { type: "string", default: "3" },
  },
});
const dataDir = values["data-dir"];
if (!dataDir)
  throw new Error("--data-dir <dir> names the archive to verify (e.g. one made by `clausewatch demo`)");
const databaseUrl = values["database-url"] ?? `sqlite:${join(dataDir, "clausewatch.db")}`;
const store = await openStore({ databaseUrl, dataDir });

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return (performance.now() - t0) / 1000;
}

/** Every blob and version text, read and hashed: what even the chain-only verify of old had to do. */
async function floor(): Promise<void> {
  for await (const entry of store.chain.iterate()) {
    if (entry.kind === "snapshot") {
      const s = await store.snapshots.get(entry.recordId);
      if (s) sha256Hex(await store.blobs.get(s.sha256));
    } else if (entry.kind === "version") {
      const v = await store.versions.get(entry.recordId);
      if (v) sha256Hex(v.text);
    }
  }
}

const key = await loadOrCreateSigningKey(join(dataDir, "keys", "checkpoint-ed25519.pem"));
const rows: string[] = [];
for (let run = 1; run <= Number(values.runs); run++) {
  const base = await seconds(floor);
  let ok = false;
  let entries = 0;
  const full = await seconds(async () => {
    const report = await verifyArchive(store, { warcDir: join(dataDir, "warc") });
    ok = report.ok;
    entries = report.entries;
  });
  const sign = await seconds(async () => signHead(await loadLeaves(store), key, new Date()));
  rows.push(
    `run ${run}: ${entries} entries, ok=${ok}; floor ${base.toFixed(2)} s, verify ${full.toFixed(2)} s (×${(full / base).toFixed(2)}), sign head ${sign.toFixed(3)} s`,
  );
}
await store.close();
console.log(rows.join("\n"));
