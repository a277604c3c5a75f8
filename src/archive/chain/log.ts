/**
 * The chain as a Merkle log: leaf i is the (32-byte) entry hash of chain entry i + 1, so the tree head commits to
 * every entry and, through each entry's record hash, to every record the chain covers.
 */
import type { ChainEntry } from "../../model/index.js";
import type { Store } from "../../store/index.js";
import { type Checkpoint, CheckpointError, signCheckpoint, verifyCheckpointSignature } from "./checkpoint.js";
import { consistencyProof, type Digest, leafHash, treeHash, verifyConsistency } from "./merkle.js";
import type { SigningKey } from "./signing-key.js";

/** The leaf hash of a chain entry. */
export function entryLeafHash(entry: Pick<ChainEntry, "entryHash">): Digest {
  return leafHash(Buffer.from(entry.entryHash, "hex"));
}

/** Leaf hashes of the whole chain, in order. */
export async function loadLeaves(store: Store): Promise<Digest[]> {
  const leaves: Digest[] = [];
  for await (const entry of store.chain.iterate()) leaves.push(entryLeafHash(entry));
  return leaves;
}

/** Signs the head of the log made of `leaves`. */
export function signHead(leaves: readonly Digest[], key: SigningKey, now: Date): Checkpoint {
  return signCheckpoint(key.privateKey, leaves.length, treeHash(leaves).toString("hex"), now);
}

/**
 * Proves that an earlier checkpoint of this archive is a prefix of the log made of `leaves`: its signature holds
 * under the archive's key, and a consistency proof (RFC 9162) leads from its root to today's. Throws a
 * {@link CheckpointError} or a `MerkleProofError` that says what no longer holds.
 */
export function checkAgainstCheckpoint(
  leaves: readonly Digest[],
  checkpoint: Checkpoint,
  key: SigningKey,
): void {
  verifyCheckpointSignature(checkpoint, key.publicKey);
  if (leaves.length < checkpoint.treeSize)
    throw new CheckpointError(
      `the log has ${leaves.length} entries, fewer than the ${checkpoint.treeSize} of the checkpoint signed at ${checkpoint.time}: entries ${leaves.length + 1}–${checkpoint.treeSize} were removed`,
    );
  const root = treeHash(leaves);
  const proof = checkpoint.treeSize === 0 ? [] : consistencyProof(leaves, checkpoint.treeSize);
  verifyConsistency(checkpoint.treeSize, leaves.length, Buffer.from(checkpoint.rootHash, "hex"), root, proof);
}
