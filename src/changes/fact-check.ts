/**
 * Hand-checked change histories (test/fixtures/changes/*.json): pairs of real versions with the facts a reader
 * must find in their change record, written after reading each diff. Read by a test and by `bench:changes`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ChangeKind, Severity } from "../model/index.js";
import type { ChangeRecordResult } from "./change-record.js";
import { severityRank } from "./ranks.js";

/** One hand-checked pair, as stored. */
export interface FactPair {
  /** Where the version files are: copied into the fixtures ("ota-contrib") or the bundled demo corpus. */
  source: "ota-contrib" | "demo";
  /** Paths of the two versions, relative to the fixture folder (ota-contrib) or to the repository (demo). */
  before: string;
  after: string;
  /** The kinds the record may have, "|"-separated ("technical|minor"). */
  kind: string;
  /** Lowest severity a substantive record may have. */
  minSeverity: Severity;
  /** Terms the headline, summary or delta lines must contain (case-insensitive); "a|b" accepts either. */
  mustMention: string[];
  /** What the diff shows, in the checker's words. */
  diff: string;
}

/** What a record got wrong about a pair; empty when it names every fact. */
export function factMisses(pair: FactPair, record: ChangeRecordResult): string[] {
  const misses: string[] = [];
  // The record names a fact in its headline, its summary or one of its stored deltas (past the summary's cap).
  const text = [record.headline, ...record.summary, ...record.deltas.map((d) => d.line)]
    .join("\n")
    .toLowerCase();
  for (const term of pair.mustMention) {
    if (!term.split("|").some((alt) => text.includes(alt.toLowerCase())))
      misses.push(`does not name “${term}”`);
  }
  const kinds = pair.kind.split("|") as ChangeKind[];
  if (!kinds.includes(record.kind)) misses.push(`is ${record.kind}, expected ${pair.kind}`);
  if (
    record.kind === "substantive" &&
    kinds.includes("substantive") &&
    severityRank(record.severity) < severityRank(pair.minSeverity)
  )
    misses.push(`is ${record.severity}, expected at least ${pair.minSeverity}`);
  return misses;
}

/** Every pair of the `*.json` files of `dir`, with the texts of its two versions (`root`: the repository). */
export function loadFactPairs(
  dir: string,
  root: string,
): { pair: FactPair; beforeText: string; afterText: string }[] {
  const base = (p: FactPair) => (p.source === "demo" ? root : dir);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as FactPair[])
    .map((pair) => ({
      pair,
      beforeText: readFileSync(join(base(pair), pair.before), "utf8"),
      afterText: readFileSync(join(base(pair), pair.after), "utf8"),
    }));
}
