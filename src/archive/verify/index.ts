/**
 * Recomputes every stored hash and the whole chain, then what the chain covers through seals (analyses, change
 * records) and snapshots (blobs, WARC records), and the Merkle log's head. Each problem names its record, so a
 * reader knows exactly which snapshot, version, provision, change record or WARC record was altered; against a
 * saved checkpoint, it also proves that no entry was removed or rewritten since (truncation).
 */
import type { ChainRecordKind, Snapshot } from "../../model/index.js";
import type { Store } from "../../store/index.js";
import type { Checkpoint } from "../chain/checkpoint.js";
import { chainEntryHash, GENESIS_HASH } from "../chain/index.js";
import { checkAgainstCheckpoint, entryLeafHash } from "../chain/log.js";
import { type Digest, treeHash } from "../chain/merkle.js";
import type { SigningKey } from "../chain/signing-key.js";
import { ProblemList, type VerifyProblem } from "./problems.js";
import { checkRecord } from "./record-checks.js";
import { checkSeals, LatestSeals } from "./seal-checks.js";
import { checkWarcRecords } from "./warc-checks.js";

export type { VerifyProblem } from "./problems.js";

export interface VerifyReport {
  ok: boolean;
  entries: number;
  snapshotsChecked: number;
  versionsChecked: number;
  verificationsChecked: number;
  /** Analyses and change records compared with their newest seal. */
  sealsChecked: number;
  warcRecordsChecked: number;
  /** Hex Merkle root (RFC 9162) over the chain's entries: the head a checkpoint signs. */
  rootHash: string;
  /** The first problem found, if any. */
  firstProblem: VerifyProblem | null;
  /** The first problems, up to `maxProblems`. */
  problems: VerifyProblem[];
  /** How many problems there were in all. */
  problemCount: number;
}

export interface VerifyOptions {
  /** Where the WARC files are (`<data dir>/warc`); records kept in the database are read from it. */
  warcDir: string;
  /** Stop listing after this many problems (default 20); they are still counted. */
  maxProblems?: number;
  onProgress?: (checked: number) => void;
  /** Prove that this earlier checkpoint, signed with `key`, is a prefix of today's log. */
  checkpoint?: { checkpoint: Checkpoint; key: SigningKey };
  /** Receives the leaf hashes of the log, e.g. to sign its head without reading the chain again. */
  onLeaves?: (leaves: readonly Digest[]) => void;
}

const DIRECT_KINDS = ["snapshot", "version", "verification"] as const satisfies ChainRecordKind[];

/** Verifies blobs, version texts, WARC records, record hashes, entry hashes and links, seals and coverage. */
export async function verifyArchive(store: Store, options: VerifyOptions): Promise<VerifyReport> {
  const problems = new ProblemList(options.maxProblems ?? 20);
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  const counts: Record<ChainRecordKind, number> = {
    snapshot: 0,
    version: 0,
    verification: 0,
    analysis: 0,
    "change-record": 0,
  };
  const leaves: Digest[] = [];
  const latest = new LatestSeals();
  const archived: Snapshot[] = [];
  for await (const entry of store.chain.iterate()) {
    const at = { seq: entry.seq, kind: entry.kind, recordId: entry.recordId };
    if (entry.seq !== expectedSeq) problems.add({ ...at, problem: `chain entry ${expectedSeq} is missing` });
    if (entry.prevHash !== prevHash)
      problems.add({ ...at, problem: "previous-hash link does not match the entry before" });
    if (chainEntryHash(entry) !== entry.entryHash)
      problems.add({ ...at, problem: "entry hash does not match its contents" });
    const checked = await checkRecord(store, entry);
    if (checked.problem) problems.add({ ...at, problem: checked.problem });
    if ("snapshot" in checked && checked.snapshot.warc !== null) archived.push(checked.snapshot);
    if ("seal" in checked && !checked.problem) latest.add(checked.seal);
    counts[entry.kind]++;
    leaves.push(entryLeafHash(entry));
    prevHash = entry.entryHash;
    expectedSeq = entry.seq + 1;
    if (leaves.length % 500 === 0) options.onProgress?.(leaves.length);
  }
  for (const kind of [...DIRECT_KINDS, "analysis", "change-record"] as const) {
    for (const id of await store.chain.uncovered(kind)) {
      const what = kind === "analysis" || kind === "change-record" ? `seal ${id} (${kind})` : `${kind} ${id}`;
      problems.add({ seq: null, kind: "chain", recordId: id, problem: `${what} is not in the chain` });
    }
  }
  const sealsChecked = await checkSeals(store, latest, (problem) =>
    problems.add({ seq: null, kind: "chain", recordId: null, problem }),
  );
  const warcRecordsChecked = await checkWarcRecords(store, options.warcDir, archived, (snapshot, problem) =>
    problems.add({
      seq: null,
      kind: "warc",
      recordId: snapshot.id,
      problem: `snapshot ${snapshot.id}: ${problem}`,
    }),
  );
  if (options.checkpoint) {
    try {
      checkAgainstCheckpoint(leaves, options.checkpoint.checkpoint, options.checkpoint.key);
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      problems.add({ seq: null, kind: "checkpoint", recordId: null, problem: `checkpoint: ${problem}` });
    }
  }
  options.onLeaves?.(leaves);
  return {
    ok: problems.total === 0,
    entries: leaves.length,
    snapshotsChecked: counts.snapshot,
    versionsChecked: counts.version,
    verificationsChecked: counts.verification,
    sealsChecked,
    warcRecordsChecked,
    rootHash: treeHash(leaves).toString("hex"),
    firstProblem: problems.items[0] ?? null,
    problems: problems.items,
    problemCount: problems.total,
  };
}
