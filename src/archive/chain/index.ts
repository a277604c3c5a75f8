/**
 * The tamper-evident hash chain. Each entry commits to the previous entry's hash and to a hash
 * of the record it covers, so altering any stored record, or removing or re-ordering entries,
 * changes a hash that `verify` recomputes.
 */
import type { ChainRecordKind, Snapshot, Verification, Version } from "../../model/index.js";
import { canonicalJson, sha256Hex } from "../../util/hash.js";

/** `prevHash` of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields of a snapshot that its chain entry commits to (the bytes through their SHA-256; not where its WARC record is kept). */
export function snapshotRecordHash(s: Omit<Snapshot, "id" | "warc">): string {
  return sha256Hex(
    canonicalJson({
      kind: "snapshot",
      documentId: s.documentId,
      sha256: s.sha256,
      url: s.url,
      capturedAt: s.capturedAt,
      method: s.method,
      httpStatus: s.httpStatus,
      headers: s.headers,
      mimeType: s.mimeType,
      size: s.size,
    }),
  );
}

/** The fields of a version that its chain entry commits to (the text through its SHA-256). */
export function versionRecordHash(v: Omit<Version, "id" | "text">): string {
  return sha256Hex(
    canonicalJson({
      kind: "version",
      documentId: v.documentId,
      snapshotId: v.snapshotId,
      sha256: v.sha256,
      recordedAt: v.recordedAt,
      commitKind: v.commitKind,
    }),
  );
}

export function verificationRecordHash(v: Omit<Verification, "id">): string {
  return sha256Hex(
    canonicalJson({
      kind: "verification",
      documentId: v.documentId,
      versionId: v.versionId,
      snapshotId: v.snapshotId,
      verifiedAt: v.verifiedAt,
    }),
  );
}

/** Hash of one chain entry: binds its position, what it covers, and its predecessor. */
export function chainEntryHash(entry: {
  seq: number;
  kind: ChainRecordKind;
  recordId: number;
  recordHash: string;
  prevHash: string;
  createdAt: string;
}): string {
  return sha256Hex(
    [entry.seq, entry.kind, entry.recordId, entry.createdAt, entry.prevHash, entry.recordHash].join("\n"),
  );
}
