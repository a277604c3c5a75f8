/**
 * Sealing: after an analysis or a change record is written, its reading is stored as a seal and appended to the
 * chain, in the same transaction (which must hold the chain lock: `Store.chainTransaction`). A reading equal to the
 * newest seal adds nothing, so recomputing with the same analyzer does not grow the chain.
 */
import type { SealKind } from "../../model/index.js";
import type { ChangeRecord, Repositories } from "../../store/index.js";
import { sha256Hex } from "../../util/hash.js";
import { analysisSealBody, changeRecordSealBody, sealText } from "./seal-bodies.js";

async function seal(tx: Repositories, kind: SealKind, subjectId: number, body: string): Promise<void> {
  if ((await tx.seals.latest(kind, subjectId))?.body === body) return;
  const stored = await tx.seals.insert(kind, subjectId, body);
  await tx.chain.append(kind, stored.id, sha256Hex(body));
}

/** Seals the analysis of a version as stored in this transaction. */
export async function sealAnalysis(tx: Repositories, versionId: number): Promise<void> {
  const rows = await tx.seals.analysisRows(versionId);
  if (!rows) throw new Error(`version ${versionId} has no stored analysis to seal`);
  await seal(tx, "analysis", versionId, sealText(analysisSealBody(rows)));
}

/** Seals a change record as just stored in this transaction. */
export async function sealChangeRecord(tx: Repositories, record: ChangeRecord): Promise<void> {
  await seal(tx, "change-record", record.id, sealText(changeRecordSealBody(record)));
}
