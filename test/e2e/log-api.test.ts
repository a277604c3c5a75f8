/**
 * The log over the API, checked as a reader would: with only the API's answers (checkpoint, public key, one
 * version's inclusion proof, a consistency proof) and the RFC 9162 verification algorithms, never the archive.
 */
import assert from "node:assert/strict";
import { createPublicKey } from "node:crypto";
import { join } from "node:path";
import { before, it } from "node:test";
import { fileURLToPath } from "node:url";
import { Archiver } from "../../src/archive/archiver.js";
import { type Checkpoint, verifyCheckpointSignature } from "../../src/archive/chain/checkpoint.js";
import { chainEntryHash } from "../../src/archive/chain/index.js";
import {
  leafHash,
  MerkleProofError,
  verifyConsistency,
  verifyInclusion,
} from "../../src/archive/chain/merkle.js";
import { loadOrCreateSigningKey, type SigningKey } from "../../src/archive/chain/signing-key.js";
import { importOtaDataset } from "../../src/archive/ota/index.js";
import { WarcWriter } from "../../src/archive/warc/warc-writer.js";
import { createApp } from "../../src/server/create-app.js";
import { canonicalJson, sha256Hex } from "../../src/util/hash.js";
import { describeEachBackend } from "../helpers/backends.js";

const MINI = fileURLToPath(new URL("../fixtures/ota-mini", import.meta.url));
const EXTRA = fileURLToPath(new URL("../fixtures/ota-extra", import.meta.url));

interface InclusionProof {
  versionId: number;
  record: Record<string, unknown>;
  entry: {
    seq: number;
    kind: "version";
    recordId: number;
    recordHash: string;
    prevHash: string;
    createdAt: string;
    entryHash: string;
  };
  leafIndex: number;
  treeSize: number;
  auditPath: string[];
  checkpoint: Checkpoint;
}

const buf = (hex: string) => Buffer.from(hex, "hex");

describeEachBackend("the archive's log over the API", (get) => {
  let key: SigningKey;
  let earlier: Checkpoint;
  const app = () => createApp(get().store, { signingKey: key });
  const getJson = async <T>(path: string, status = 200): Promise<T> => {
    const response = await app().request(path);
    assert.equal(response.status, status, await response.clone().text());
    return ((await response.json()) as { data: T }).data;
  };

  before(async () => {
    const { store, dataDir } = get();
    key = await loadOrCreateSigningKey(join(dataDir, "keys", "checkpoint-ed25519.pem"));
    const archiver = new Archiver(store, { warc: new WarcWriter(join(dataDir, "warc")) });
    await importOtaDataset(archiver, MINI);
    earlier = await getJson<Checkpoint>("/api/v1/log/checkpoint");
    await importOtaDataset(archiver, EXTRA);
  });

  it("publishes a checkpoint that the published public key verifies", async () => {
    const published = await getJson<{ publicKeyPem: string; keyId: string }>("/api/v1/log/public-key");
    const checkpoint = await getJson<Checkpoint>("/api/v1/log/checkpoint");
    assert.equal(checkpoint.treeSize, await get().store.chain.count());
    assert.ok(checkpoint.treeSize > earlier.treeSize);
    verifyCheckpointSignature(checkpoint, createPublicKey(published.publicKeyPem));
    assert.throws(
      () =>
        verifyCheckpointSignature(
          { ...checkpoint, rootHash: earlier.rootHash },
          createPublicKey(published.publicKeyPem),
        ),
      /signature does not hold/,
    );
  });

  it("proves a version's inclusion from its fields alone, and a forged proof fails", async () => {
    const version = await get().store.versions.get(2);
    assert.ok(version);
    const proof = await getJson<InclusionProof>("/api/v1/versions/2/inclusion-proof");
    // What a reader recomputes: the version's text hash, its record hash, the entry hash, the leaf, the root.
    assert.equal(proof.record.sha256, sha256Hex(version.text));
    assert.equal(sha256Hex(canonicalJson(proof.record)), proof.entry.recordHash);
    assert.equal(chainEntryHash(proof.entry), proof.entry.entryHash);
    const leaf = leafHash(buf(proof.entry.entryHash));
    const root = buf(proof.checkpoint.rootHash);
    verifyCheckpointSignature(proof.checkpoint, key.publicKey);
    verifyInclusion(leaf, proof.leafIndex, proof.treeSize, proof.auditPath.map(buf), root);

    const forgedPath = proof.auditPath.map((h, i) =>
      i === 0 ? `${h.slice(0, 63)}${h[63] === "0" ? "1" : "0"}` : h,
    );
    assert.throws(
      () => verifyInclusion(leaf, proof.leafIndex, proof.treeSize, forgedPath.map(buf), root),
      MerkleProofError,
    );
    const other = await getJson<InclusionProof>("/api/v1/versions/3/inclusion-proof");
    const otherLeaf = leafHash(buf(other.entry.entryHash));
    assert.throws(
      () => verifyInclusion(otherLeaf, proof.leafIndex, proof.treeSize, proof.auditPath.map(buf), root),
      MerkleProofError,
    );
  });

  it("proves an earlier checkpoint is a prefix of today's log, and a forged proof fails", async () => {
    const consistency = await getJson<{
      first: number;
      second: number;
      proof: string[];
      checkpoint: Checkpoint;
    }>(`/api/v1/log/consistency-proof?first=${earlier.treeSize}`);
    const proof = consistency.proof.map(buf);
    const [oldRoot, newRoot] = [buf(earlier.rootHash), buf(consistency.checkpoint.rootHash)];
    verifyConsistency(earlier.treeSize, consistency.second, oldRoot, newRoot, proof);
    const forged = [...proof.slice(0, -1), leafHash(Buffer.from("forged"))];
    assert.throws(
      () => verifyConsistency(earlier.treeSize, consistency.second, oldRoot, newRoot, forged),
      MerkleProofError,
    );
  });

  it("answers 404 for a version that is not archived, 400 for a size beyond the log, 404 without a key", async () => {
    await getJson("/api/v1/versions/99999/inclusion-proof", 404);
    await getJson("/api/v1/log/consistency-proof?first=99999", 400);
    await getJson("/api/v1/log/consistency-proof?first=0", 400);
    const keyless = await createApp(get().store).request("/api/v1/log/checkpoint");
    assert.equal(keyless.status, 404);
  });
});
