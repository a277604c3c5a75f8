import assert from "node:assert/strict";
import { it } from "node:test";
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  MerkleProofError,
  treeHash,
  verifyConsistency,
  verifyInclusion,
} from "./merkle.js";

// The reference tree of RFC 6962's test data (as Certificate Transparency's implementations use it).
const DATA = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
];
const LEAVES = DATA.map((h) => leafHash(Buffer.from(h, "hex")));
const ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
const hex = (digests: Buffer[]) => digests.map((d) => d.toString("hex"));

it("computes the reference tree heads of every size 0–8", () => {
  for (let n = 0; n <= 8; n++)
    assert.equal(treeHash(LEAVES.slice(0, n)).toString("hex"), ROOTS[n], `size ${n}`);
});

it("gives the reference inclusion proofs", () => {
  assert.deepEqual(hex(inclusionProof(LEAVES, 0)), [
    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
  ]);
  assert.deepEqual(hex(inclusionProof(LEAVES, 5)), [
    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  ]);
});

// Many sizes, so every shape of the recursion (full, ragged, single leaf) is exercised.
const MANY = Array.from({ length: 37 }, (_, i) => leafHash(Buffer.from([i, (i * 7) & 0xff])));

it("verifies every leaf's inclusion in every tree size, and refuses a forged proof, leaf or index", () => {
  for (let size = 1; size <= MANY.length; size++) {
    const root = treeHash(MANY, 0, size);
    for (let index = 0; index < size; index++) {
      const proof = inclusionProof(MANY, index, size);
      verifyInclusion(MANY[index]!, index, size, proof, root);
      assert.throws(
        () => verifyInclusion(MANY[(index + 1) % MANY.length]!, index, size, proof, root),
        MerkleProofError,
      );
      if (proof.length > 0) {
        const forged = proof.map((p, i) =>
          i === proof.length - 1 ? Buffer.from(p).fill(p[0]! ^ 1, 0, 1) : p,
        );
        assert.throws(() => verifyInclusion(MANY[index]!, index, size, forged, root), MerkleProofError);
        assert.throws(
          () => verifyInclusion(MANY[index]!, index, size, proof.slice(1), root),
          MerkleProofError,
        );
      }
      if (size > 1)
        assert.throws(
          () => verifyInclusion(MANY[index]!, (index + 1) % size, size, proof, root),
          MerkleProofError,
        );
    }
  }
});

it("proves every earlier head consistent with every later one, and refuses a rewritten or shrunk log", () => {
  for (let second = 1; second <= MANY.length; second++) {
    const secondRoot = treeHash(MANY, 0, second);
    for (let first = 1; first <= second; first++) {
      const firstRoot = treeHash(MANY, 0, first);
      const proof = consistencyProof(MANY, first, second);
      verifyConsistency(first, second, firstRoot, secondRoot, proof);
      // The same later log after entry `first - 1` was rewritten: the earlier head is no prefix of it.
      const rewritten = [...MANY.slice(0, second)];
      rewritten[first - 1] = leafHash(Buffer.from("forged"));
      const forgedRoot = treeHash(rewritten);
      assert.throws(
        () => verifyConsistency(first, second, firstRoot, forgedRoot, consistencyProof(rewritten, first)),
        MerkleProofError,
      );
    }
  }
  assert.throws(() => verifyConsistency(5, 3, treeHash(MANY, 0, 5), treeHash(MANY, 0, 3), []), /shrank/);
});
