/** The bundled demo corpus, imported as a user would: shared by the scripts and benchmarks that show it. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The demo import failed; its own output said why. */
export class DemoImportError extends Error {}

/**
 * Runs `clausewatch demo --no-serve` from the sources (no build needed) into `dataDir`; throws when it fails.
 * Its output goes to this process's terminal: the import takes half a minute and reports its progress.
 */
export function importDemo(dataDir: string): void {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", join(ROOT, "src", "cli", "index.ts"), "demo", "--no-serve"],
    { cwd: ROOT, env: { ...process.env, CLAUSEWATCH_DATA_DIR: dataDir }, stdio: "inherit" },
  );
  if (result.status !== 0)
    throw new DemoImportError(`the demo import failed (exit status ${result.status ?? result.signal})`);
}
