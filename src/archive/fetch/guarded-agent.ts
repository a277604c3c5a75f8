/** An undici connection pool whose every connection goes through the SSRF policy's DNS lookup. */
import { Agent } from "undici";
import type { NetworkPolicy } from "./network-policy.js";

/**
 * Builds an Agent that resolves host names with `policy.lookup`, so the address checked is the address the
 * socket connects to. IP-literal hosts skip DNS in Node, which is why `exchange` also calls `checkHost`.
 */
export function createGuardedAgent(policy: NetworkPolicy, timeoutMs: number): Agent {
  return new Agent({
    connect: { lookup: policy.lookup, timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    // Few connections per fetch: one document, at most a handful of redirect hops.
    connections: 4,
  });
}
