/** Checks one chain entry's record against what is stored now. */
import type { ChainEntry, Snapshot } from "../../model/index.js";
import { BlobNotFoundError, type Seal, type Store } from "../../store/index.js";
import { sha256Hex } from "../../util/hash.js";
import { snapshotRecordHash, verificationRecordHash, versionRecordHash } from "../chain/index.js";

/** What checking an entry found: a problem, and the record when other checks need it. */
export type RecordCheck =
  | { problem: string | null; snapshot: Snapshot }
  | { problem: string | null; seal: Seal }
  | { problem: string | null };

export async function checkRecord(store: Store, entry: ChainEntry): Promise<RecordCheck> {
  const { kind, recordId: id, recordHash } = entry;
  if (kind === "snapshot") {
    const snapshot = await store.snapshots.get(id);
    if (!snapshot) return { problem: `snapshot ${id} is missing from the database` };
    if (snapshotRecordHash(snapshot) !== recordHash)
      return { problem: `snapshot ${id}: stored metadata was altered`, snapshot };
    try {
      const bytes = await store.blobs.get(snapshot.sha256);
      if (sha256Hex(bytes) !== snapshot.sha256)
        return {
          problem: `snapshot ${id}: bytes in ${store.blobs.describe(snapshot.sha256)} were altered`,
          snapshot,
        };
    } catch (error) {
      if (error instanceof BlobNotFoundError)
        return { problem: `snapshot ${id}: ${error.message}`, snapshot };
      throw error;
    }
    return { problem: null, snapshot };
  }
  if (kind === "version") {
    const version = await store.versions.get(id);
    if (!version) return { problem: `version ${id} is missing from the database` };
    if (sha256Hex(version.text) !== version.sha256)
      return { problem: `version ${id}: stored text was altered` };
    if (versionRecordHash(version) !== recordHash)
      return { problem: `version ${id}: stored metadata was altered` };
    const chunks = await store.versions.chunksProblem(version);
    return { problem: chunks && `version ${id}: ${chunks}` };
  }
  if (kind === "verification") {
    const verification = await store.versions.getVerification(id);
    if (!verification) return { problem: `verification ${id} is missing from the database` };
    if (verificationRecordHash(verification) !== recordHash)
      return { problem: `verification ${id}: stored record was altered` };
    return { problem: null };
  }
  const seal = await store.seals.get(id);
  if (!seal || seal.kind !== kind) return { problem: `seal ${id} (${kind}) is missing from the database` };
  if (sha256Hex(seal.body) !== recordHash)
    return { problem: `seal ${id} of the ${kind} of ${seal.subjectId} was altered`, seal };
  return { problem: null, seal };
}
