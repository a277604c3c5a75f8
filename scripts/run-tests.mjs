#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with Node's own test runner (tsx for TypeScript).
// Node 20's runner does not expand globs, so the file list is built here.
// test/faults (real processes killed at every step: minutes) runs apart: `--faults` runs it alone.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const faults = process.argv.includes("--faults");

function collect(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === "node_modules" || name === "fixtures") continue;
    if (name === "faults" && !faults) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const filter = process.argv.slice(2).filter((a) => a !== "--faults");
let files = faults ? collect("test/faults", []) : [...collect("src", []), ...collect("test", [])].sort();
if (filter.length > 0) files = files.filter((f) => filter.some((pattern) => f.includes(pattern)));
if (files.length === 0) {
  console.error("no test files found");
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  // The regular-expression setting of src/util/regexp-engine.ts, given at start-up rather than changed at run time.
  [
    "--no-regexp-tier-up",
    "--import",
    "tsx",
    "--test",
    "--test-concurrency=2",
    "--test-reporter=spec",
    ...files,
  ],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
