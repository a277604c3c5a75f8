/**
 * An API key as the operator sees it: who it was issued to and whether it still works. The key itself is
 * shown once, when issued; only its SHA-256 is stored.
 */
export interface ApiKey {
  id: number;
  /** Who or what the key is for ("Newsroom", "Compliance team"). */
  name: string;
  createdAt: string;
  /** When it last authenticated a request; null until it does. */
  lastUsedAt: string | null;
  /** When the operator revoked it; a revoked key authenticates nothing. */
  revokedAt: string | null;
}
