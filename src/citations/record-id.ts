/** Stable public record IDs: `CW-D-<id>` documents, `CW-V-<id>` versions, `CW-P-<id>` provisions, `CW-C-<id>` change records. */

import { isRowId } from "../store/row-id.js";

/** The kinds of record that can be cited. */
export type RecordKind = "document" | "version" | "provision" | "change";

const PREFIX: Record<RecordKind, string> = { document: "D", version: "V", provision: "P", change: "C" };
const KIND_OF: Record<string, RecordKind> = { D: "document", V: "version", P: "provision", C: "change" };
const RECORD_ID = /^CW-([DVPC])-([1-9][0-9]{0,9})$/;

/** A parsed record ID. */
export interface RecordRef {
  kind: RecordKind;
  id: number;
}

/**
 * The record ID of a database row. Database ids are never reused (see `idColumn`), so the ID keeps pointing
 * at the same record forever; it is not zero-padded, so it never has to change width as the archive grows.
 */
export function formatRecordId(kind: RecordKind, id: number): string {
  if (!Number.isSafeInteger(id) || id < 1)
    throw new RangeError(`record ids are positive integers, got ${id}`);
  return `CW-${PREFIX[kind]}-${id}`;
}

/** Parses `CW-P-123` (case-insensitive); null when the text is not a record ID. */
export function parseRecordId(text: string): RecordRef | null {
  const match = RECORD_ID.exec(text.trim().toUpperCase());
  if (!match) return null;
  const kind = KIND_OF[match[1] ?? ""];
  const id = Number(match[2]);
  return kind && isRowId(id) ? { kind, id } : null;
}
