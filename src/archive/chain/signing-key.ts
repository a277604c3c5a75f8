/**
 * The archive's Ed25519 signing key: generated on first use and kept as a PKCS#8 PEM file (mode 0600) in the data
 * directory, never in the database, so that whoever can rewrite the database still cannot sign a checkpoint.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** The archive's key pair. */
export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A key file that exists but holds no Ed25519 private key. */
export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SigningKeyError";
  }
}

async function readKey(path: string): Promise<SigningKey> {
  const pem = await readFile(path, "utf8");
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new SigningKeyError(`the signing key file ${path} holds no readable private key`);
  }
  if (privateKey.asymmetricKeyType !== "ed25519")
    throw new SigningKeyError(
      `the signing key file ${path} holds a ${privateKey.asymmetricKeyType} key, not Ed25519`,
    );
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** Loads the key at `path`, generating it first when there is none (exclusive create: concurrent processes agree). */
export async function loadOrCreateSigningKey(path: string): Promise<SigningKey> {
  try {
    return await readKey(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const { privateKey } = generateKeyPairSync("ed25519");
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(path, privateKey.export({ type: "pkcs8", format: "pem" }), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readKey(path);
}

/** The public key as PEM (SPKI), as the API publishes it. */
export function publicKeyPem(key: SigningKey): string {
  return key.publicKey.export({ type: "spki", format: "pem" }).toString();
}
