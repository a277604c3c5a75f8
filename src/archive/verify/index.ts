/**
 * Recomputes every stored hash and the whole chain. A break is reported with the first record
 * that no longer matches, so a reader knows exactly which snapshot or version was altered.
 */
import type { ChainRecordKind } from "../../model/index.js";
import { BlobNotFoundError, type Store } from "../../store/index.js";
import { sha256Hex } from "../../util/hash.js";
import {
  chainEntryHash,
  GENESIS_HASH,
  snapshotRecordHash,
  verificationRecordHash,
  versionRecordHash,
} from "../chain/index.js";

/** One verification failure, naming the record. */
export interface VerifyProblem {
  seq: number | null;
  kind: ChainRecordKind | "chain";
  recordId: number | null;
  problem: string;
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  snapshotsChecked: number;
  versionsChecked: number;
  verificationsChecked: number;
  /** The first problem found, if any (the chain is broken from there on). */
  firstProblem: VerifyProblem | null;
  problems: VerifyProblem[];
}

export interface VerifyOptions {
  /** Stop after this many problems (default 20). */
  maxProblems?: number;
  onProgress?: (checked: number) => void;
}

/** Verifies blobs, version texts, record hashes, entry hashes and links, and coverage of every record. */
export async function verifyArchive(store: Store, options: VerifyOptions = {}): Promise<VerifyReport> {
  const maxProblems = options.maxProblems ?? 20;
  const problems: VerifyProblem[] = [];
  const report = (p: VerifyProblem) => {
    if (problems.length < maxProblems) problems.push(p);
  };
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  const counts = { snapshot: 0, version: 0, verification: 0 };
  for await (const entry of store.chain.iterate()) {
    entries++;
    const at = { seq: entry.seq, kind: entry.kind, recordId: entry.recordId };
    if (entry.seq !== expectedSeq) report({ ...at, problem: `chain entry ${expectedSeq} is missing` });
    if (entry.prevHash !== prevHash)
      report({ ...at, problem: "previous-hash link does not match the entry before" });
    if (chainEntryHash(entry) !== entry.entryHash)
      report({ ...at, problem: "entry hash does not match its contents" });
    const recordProblem = await checkRecord(store, entry.kind, entry.recordId, entry.recordHash);
    if (recordProblem) report({ ...at, problem: recordProblem });
    counts[entry.kind]++;
    prevHash = entry.entryHash;
    expectedSeq = entry.seq + 1;
    if (entries % 500 === 0) options.onProgress?.(entries);
  }
  const stats = await store.stats();
  const verifications = await store.versions.countVerifications();
  if (stats.snapshots !== counts.snapshot)
    report({
      seq: null,
      kind: "chain",
      recordId: null,
      problem: `${stats.snapshots - counts.snapshot} snapshot(s) not in the chain`,
    });
  if (stats.versions !== counts.version)
    report({
      seq: null,
      kind: "chain",
      recordId: null,
      problem: `${stats.versions - counts.version} version(s) not in the chain`,
    });
  if (verifications !== counts.verification)
    report({
      seq: null,
      kind: "chain",
      recordId: null,
      problem: `${verifications - counts.verification} verification(s) not in the chain`,
    });
  return {
    ok: problems.length === 0,
    entries,
    snapshotsChecked: counts.snapshot,
    versionsChecked: counts.version,
    verificationsChecked: counts.verification,
    firstProblem: problems[0] ?? null,
    problems,
  };
}

async function checkRecord(
  store: Store,
  kind: ChainRecordKind,
  id: number,
  recordHash: string,
): Promise<string | null> {
  if (kind === "snapshot") {
    const snapshot = await store.snapshots.get(id);
    if (!snapshot) return `snapshot ${id} is missing from the database`;
    if (snapshotRecordHash(snapshot) !== recordHash) return `snapshot ${id}: stored metadata was altered`;
    try {
      const bytes = await store.blobs.get(snapshot.sha256);
      if (sha256Hex(bytes) !== snapshot.sha256)
        return `snapshot ${id}: bytes in ${store.blobs.describe(snapshot.sha256)} were altered`;
    } catch (error) {
      if (error instanceof BlobNotFoundError) return `snapshot ${id}: ${error.message}`;
      throw error;
    }
    return null;
  }
  if (kind === "version") {
    const version = await store.versions.get(id);
    if (!version) return `version ${id} is missing from the database`;
    if (sha256Hex(version.text) !== version.sha256) return `version ${id}: stored text was altered`;
    if (versionRecordHash(version) !== recordHash) return `version ${id}: stored metadata was altered`;
    return null;
  }
  const verification = await store.versions.getVerification(id);
  if (!verification) return `verification ${id} is missing from the database`;
  if (verificationRecordHash(verification) !== recordHash)
    return `verification ${id}: stored record was altered`;
  return null;
}
