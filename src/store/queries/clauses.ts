import type { SelectQueryBuilder } from "kysely";
import type { ClassificationReason, Polarity, Severity } from "../../model/index.js";
import type { Database } from "../schema.js";
import { parseJson } from "./json.js";
import type { QuerySource } from "./query-source.js";
import { severityRank, toSeverity } from "./severity.js";

/** A stored classification of a provision. Evidence offsets are into the version text. */
export interface ClauseView {
  id: number;
  provisionId: number;
  type: string;
  confidence: number;
  polarity: Polarity;
  severity: Severity;
  evidenceStart: number;
  evidenceEnd: number;
  source: string;
  reasons: ClassificationReason[];
}

/** Narrows a stored polarity (unknown values read as neutral). */
export function toPolarity(value: string): Polarity {
  return value === "protective" || value === "concerning" ? value : "neutral";
}

/**
 * The `reasons` column: the analysis stores `{ name, reasons: [...] }` (the clause name travels with them);
 * a bare array is read too, so rows written either way display.
 */
function storedReasons(text: string): ClassificationReason[] {
  const value = parseJson<unknown>(text, []);
  const list = Array.isArray(value) ? value : (value as { reasons?: unknown } | null)?.reasons;
  return Array.isArray(list) ? (list as ClassificationReason[]) : [];
}

type ClassificationQuery = SelectQueryBuilder<Database, "classifications", object>;

/** Classifications chosen by `where`, grouped by provision, strongest first within each provision. */
async function clausesWhere(
  src: QuerySource,
  where: (q: ClassificationQuery) => ClassificationQuery,
): Promise<Map<number, ClauseView[]>> {
  const out = new Map<number, ClauseView[]>();
  const rows = await where(src.db.selectFrom("classifications"))
    .selectAll()
    .orderBy("provision_id")
    .orderBy(severityRank("severity"), "desc")
    .orderBy("confidence", "desc")
    .execute();
  for (const r of rows) {
    let reasons: ClassificationReason[] | undefined;
    const clause: ClauseView = {
      id: r.id,
      provisionId: r.provision_id,
      type: r.type,
      confidence: Number(r.confidence),
      polarity: toPolarity(r.polarity),
      severity: toSeverity(r.severity) ?? "low",
      evidenceStart: Number(r.evidence_start),
      evidenceEnd: Number(r.evidence_end),
      source: r.source,
      // Parsed when first read: listings show clause types, not the reasons behind them.
      get reasons() {
        reasons ??= storedReasons(r.reasons);
        return reasons;
      },
    };
    const list = out.get(r.provision_id);
    if (list) list.push(clause);
    else out.set(r.provision_id, [clause]);
  }
  return out;
}

/** Classifications of the given provisions. */
export async function clausesOf(
  src: QuerySource,
  provisionIds: readonly number[],
): Promise<Map<number, ClauseView[]>> {
  if (provisionIds.length === 0) return new Map();
  return clausesWhere(src, (q) => q.where("provision_id", "in", [...provisionIds]));
}

/** Classifications of a whole version in one indexed read (no id list, however long the document). */
export async function clausesOfVersion(
  src: QuerySource,
  versionId: number,
): Promise<Map<number, ClauseView[]>> {
  return clausesWhere(src, (q) => q.where("version_id", "=", versionId));
}
