/** Runs the real CLI (TypeScript sources through tsx) in a child process. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ENTRY = fileURLToPath(new URL("../../src/cli/index.ts", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts `clausewatch <args>`; the caller may kill it. `prefix` runs it through another command that then execs it
 * (`ip netns exec <namespace>`), so the child is still the CLI process itself.
 */
export function startCli(args: string[], env: Record<string, string>, prefix: string[] = []): ChildProcess {
  const [command, ...rest] = [...prefix, process.execPath, "--import", "tsx", ENTRY, ...args];
  return spawn(command!, rest, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** How a CLI process ended, with everything it printed. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** A started CLI process: what it printed so far, and its exit. */
export interface Running {
  child: ChildProcess;
  output(): string;
  exit: Promise<Exit>;
}

/** Starts `clausewatch <args>` (through `prefix`, see {@link startCli}), collecting stdout and stderr together. */
export function startCliProcess(args: string[], env: Record<string, string>, prefix: string[] = []): Running {
  const child = startCli(args, env, prefix);
  let output = "";
  const collect = (d: Buffer) => {
    output += d.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exit = new Promise<Exit>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, output }));
  });
  return { child, output: () => output, exit };
}

/** Runs `clausewatch <args>` to completion. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, env);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A fresh data directory (embedded SQLite) for the CLI runs of one suite: created before it, deleted after.
 * `env()` is the environment that points the CLI at it, with `extra` added.
 */
export function cliDataDir(extra: Record<string, string> = {}): {
  dir(): string;
  env(): Record<string, string>;
} {
  let dir = "";
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "clausewatch-cli-"));
  });
  after(() => rm(dir, { recursive: true, force: true }));
  return { dir: () => dir, env: () => ({ CLAUSEWATCH_DATA_DIR: dir, DATABASE_URL: "", ...extra }) };
}
