import * as crypto from "node:crypto";

/**
 * Node's one-shot digest (from 20.12): on short inputs (provision keys hash a few words each) it costs a third of a
 * Hash object's. Absent on older Node 20 releases, which the engines field still allows.
 */
const oneShot: typeof crypto.hash | undefined = crypto.hash;

/** SHA-256 of bytes or UTF-8 text, lower-case hex. The one hashing helper of the project. */
export function sha256Hex(data: Uint8Array | string): string {
  if (oneShot) return oneShot("sha256", data, "hex");
  return crypto.createHash("sha256").update(data).digest("hex");
}

/**
 * JSON with object keys sorted at every depth, so that equal records always hash equally
 * whatever order their fields were built in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}
