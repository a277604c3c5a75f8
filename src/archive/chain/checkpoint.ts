/**
 * Signed checkpoints: the head of the Merkle log (size, root hash, time) signed with the archive's Ed25519 key.
 * A reader who saves one can later demand a consistency proof: if the archive has since removed or rewritten any
 * entry it covered, no proof exists, so a truncated or rewritten history becomes visible.
 */
import { createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import { sha256Hex } from "../../util/hash.js";

/** Names what the signature covers, so a signature made for anything else never verifies as a checkpoint. */
export const CHECKPOINT_ORIGIN = "ClauseWatch archive log v1";

/** A signed tree head, as `verify` and the API publish it and a reader saves it. */
export interface Checkpoint {
  origin: string;
  treeSize: number;
  /** Lower-case hex SHA-256 Merkle root (RFC 9162) of the first `treeSize` chain entries. */
  rootHash: string;
  /** ISO 8601 UTC time the head was signed. */
  time: string;
  /** Hex SHA-256 of the public key (SPKI DER) that signed it. */
  keyId: string;
  /** Base64 Ed25519 signature over {@link checkpointMessage}. */
  signature: string;
}

/** A checkpoint that is malformed, or signed by another key, or whose signature does not hold. */
export class CheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckpointError";
  }
}

/** The exact bytes signed: one field a line, so no two heads share a message. */
export function checkpointMessage(c: Pick<Checkpoint, "origin" | "treeSize" | "rootHash" | "time">): Buffer {
  return Buffer.from(`${c.origin}\n${c.treeSize}\n${c.rootHash}\n${c.time}\n`, "utf8");
}

/** Hex SHA-256 of a public key's SPKI DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return sha256Hex(publicKey.export({ type: "spki", format: "der" }));
}

/** Signs the head of a log of `treeSize` entries with root `rootHash`. */
export function signCheckpoint(
  privateKey: KeyObject,
  treeSize: number,
  rootHash: string,
  time: Date,
): Checkpoint {
  const head = { origin: CHECKPOINT_ORIGIN, treeSize, rootHash, time: time.toISOString() };
  return {
    ...head,
    keyId: keyIdOf(createPublicKey(privateKey)),
    signature: sign(null, checkpointMessage(head), privateKey).toString("base64"),
  };
}

/** Reads a checkpoint from JSON text, naming the first field that is missing or malformed. */
export function parseCheckpoint(text: string): Checkpoint {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CheckpointError("the checkpoint is not JSON");
  }
  const c = value as Partial<Record<keyof Checkpoint, unknown>> | null;
  const field = (name: keyof Checkpoint, ok: (v: unknown) => boolean) => {
    if (!c || !ok(c[name]))
      throw new CheckpointError(`the checkpoint's field "${name}" is missing or malformed`);
  };
  const isString = (v: unknown) => typeof v === "string";
  field("origin", (v) => v === CHECKPOINT_ORIGIN);
  field("treeSize", (v) => Number.isSafeInteger(v) && (v as number) >= 0);
  field("rootHash", (v) => typeof v === "string" && /^[0-9a-f]{64}$/.test(v));
  field("time", (v) => typeof v === "string" && !Number.isNaN(Date.parse(v)));
  field("keyId", (v) => typeof v === "string" && /^[0-9a-f]{64}$/.test(v));
  field("signature", isString);
  return c as Checkpoint;
}

/** Checks the checkpoint was signed by `publicKey`; throws a {@link CheckpointError} otherwise. */
export function verifyCheckpointSignature(checkpoint: Checkpoint, publicKey: KeyObject): void {
  if (checkpoint.keyId !== keyIdOf(publicKey))
    throw new CheckpointError(
      `the checkpoint was signed by key ${checkpoint.keyId.slice(0, 16)}…, not by this archive's key ${keyIdOf(publicKey).slice(0, 16)}…`,
    );
  const ok = verify(
    null,
    checkpointMessage(checkpoint),
    publicKey,
    Buffer.from(checkpoint.signature, "base64"),
  );
  if (!ok) throw new CheckpointError("the checkpoint's signature does not hold: it was altered or forged");
}
