/**
 * The Merkle tree log over the chain entries, as Certificate Transparency defines it (RFC 9162, section 2.1):
 * leaf hash = SHA-256(0x00 ‖ leaf), node hash = SHA-256(0x01 ‖ left ‖ right), with the split at the largest
 * power of two below the size. A tree head commits to every entry; an inclusion proof shows one entry is in it,
 * a consistency proof shows an earlier head is a prefix of a later one, each in O(log n) hashes.
 */
import { createHash } from "node:crypto";

/** A 32-byte SHA-256 digest. */
export type Digest = Buffer;

/** A proof that does not hold, or asks for what the tree cannot give. */
export class MerkleProofError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MerkleProofError";
  }
}

function sha256(...parts: Buffer[]): Digest {
  const hash = createHash("sha256");
  for (const p of parts) hash.update(p);
  return hash.digest();
}

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** SHA-256(0x00 ‖ leaf). */
export function leafHash(leaf: Buffer): Digest {
  return sha256(LEAF_PREFIX, leaf);
}

/** SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Digest, right: Digest): Digest {
  return sha256(NODE_PREFIX, left, right);
}

/** The largest power of two strictly below n (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[from:to]) over leaf hashes; the empty tree hashes to SHA-256 of nothing. */
export function treeHash(leaves: readonly Digest[], from = 0, to = leaves.length): Digest {
  const n = to - from;
  if (n === 0) return sha256();
  if (n === 1) return leaves[from]!;
  const k = split(n);
  return nodeHash(treeHash(leaves, from, from + k), treeHash(leaves, from + k, to));
}

/** PATH(m, D[0:n]): the audit path of leaf `index` in the tree of the first `size` leaves (RFC 9162 2.1.3.1). */
export function inclusionProof(leaves: readonly Digest[], index: number, size = leaves.length): Digest[] {
  if (size > leaves.length || index < 0 || index >= size)
    throw new MerkleProofError(`leaf ${index} is not in a tree of ${size} entries`);
  const path = (m: number, from: number, to: number): Digest[] => {
    const n = to - from;
    if (n <= 1) return [];
    const k = split(n);
    return m < k
      ? [...path(m, from, from + k), treeHash(leaves, from + k, to)]
      : [...path(m - k, from + k, to), treeHash(leaves, from, from + k)];
  };
  return path(index, 0, size);
}

/** PROOF(m, D[0:n]): the consistency proof from the first `first` leaves to the first `second` (RFC 9162 2.1.4.1). */
export function consistencyProof(leaves: readonly Digest[], first: number, second = leaves.length): Digest[] {
  if (second > leaves.length || first < 1 || first > second)
    throw new MerkleProofError(`no consistency proof from ${first} to ${second} entries`);
  const subproof = (m: number, from: number, to: number, complete: boolean): Digest[] => {
    const n = to - from;
    if (m === n) return complete ? [] : [treeHash(leaves, from, to)];
    const k = split(n);
    return m <= k
      ? [...subproof(m, from, from + k, complete), treeHash(leaves, from + k, to)]
      : [...subproof(m - k, from + k, to, false), treeHash(leaves, from, from + k)];
  };
  return first === second ? [] : subproof(first, 0, second, true);
}

/** Recomputes the root from a leaf hash and its audit path (RFC 9162 2.1.3.2); throws when it does not match. */
export function verifyInclusion(
  leaf: Digest,
  index: number,
  size: number,
  proof: readonly Digest[],
  root: Digest,
): void {
  if (index >= size) throw new MerkleProofError(`leaf ${index} is beyond a tree of ${size} entries`);
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) throw new MerkleProofError("the inclusion proof is longer than the tree is deep");
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else r = nodeHash(r, p);
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  if (sn !== 0) throw new MerkleProofError("the inclusion proof is shorter than the tree is deep");
  if (!r.equals(root))
    throw new MerkleProofError("the inclusion proof does not lead to the tree head's root");
}

/**
 * Checks that the tree of `first` leaves with root `firstRoot` is a prefix of the tree of `second` leaves with root
 * `secondRoot` (RFC 9162 2.1.4.2); throws when it is not.
 */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Digest,
  secondRoot: Digest,
  proof: readonly Digest[],
): void {
  if (first > second) throw new MerkleProofError(`the log shrank from ${first} to ${second} entries`);
  if (first === second) {
    if (proof.length > 0 || !firstRoot.equals(secondRoot))
      throw new MerkleProofError("two heads of the same size have different roots");
    return;
  }
  if (first === 0) return;
  if (proof.length === 0) throw new MerkleProofError("the consistency proof is empty");
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) [fn, sn] = [fn >> 1, sn >> 1];
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) throw new MerkleProofError("the consistency proof is longer than the tree is deep");
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else sr = nodeHash(sr, c);
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  if (sn !== 0) throw new MerkleProofError("the consistency proof is shorter than the tree is deep");
  if (!fr.equals(firstRoot))
    throw new MerkleProofError(
      "the earlier head is not a prefix of this log: its entries were changed or removed",
    );
  if (!sr.equals(secondRoot))
    throw new MerkleProofError("the consistency proof does not lead to the current root");
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}
