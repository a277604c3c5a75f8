/**
 * API keys: issued by the operator, presented as `Authorization: Bearer <key>`. A key is 32 random bytes in
 * base64url behind a `cwk_` prefix (so it is recognisable in a leaked file or a secret scanner); only its
 * SHA-256 is stored. A fast hash is enough: the key has 256 bits of entropy, so there is nothing to guess
 * that a slow hash would protect.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { ApiKey } from "../model/index.js";
import type { Repositories } from "../store/index.js";
import { sha256Hex } from "../util/hash.js";

/** What every key starts with. */
export const API_KEY_PREFIX = "cwk_";
const KEY_BYTES = 32;
/** The prefix and 32 bytes in base64url (43 characters, no padding). */
const KEY_FORMAT = new RegExp(`^${API_KEY_PREFIX}[A-Za-z0-9_-]{43}$`);

/** Hex SHA-256 of a key, as stored. */
export function hashApiKey(key: string): string {
  return sha256Hex(key);
}

/** Issues a new key named `name`; the returned `key` is the only copy there will ever be. */
export async function issueApiKey(
  repos: Repositories,
  name: string,
  now: string = new Date().toISOString(),
): Promise<{ key: string; apiKey: ApiKey }> {
  const key = `${API_KEY_PREFIX}${randomBytes(KEY_BYTES).toString("base64url")}`;
  const apiKey = await repos.apiKeys.create(name, hashApiKey(key), now);
  return { key, apiKey };
}

/**
 * The live key that `presented` is, recording its use at `now`; null for anything else (malformed, unknown,
 * revoked). The database finds the row by hash; the hashes are then compared again in constant time, so no
 * comparison this code makes depends on how much of a guess was right.
 */
export async function authenticateApiKey(
  repos: Repositories,
  presented: string,
  now: string,
): Promise<ApiKey | null> {
  if (!KEY_FORMAT.test(presented)) return null;
  const hash = hashApiKey(presented);
  const found = await repos.apiKeys.findByHash(hash);
  if (!found) return null;
  const same = timingSafeEqual(Buffer.from(found.keySha256, "hex"), Buffer.from(hash, "hex"));
  // Revocation is read on every request, never cached: a revoked key stops working at once.
  if (!same || found.key.revokedAt !== null) return null;
  await repos.apiKeys.touch(found.key.id, now);
  return { ...found.key, lastUsedAt: now };
}
