import type { Severity } from "../../model/index.js";
import type { QuerySource } from "./query-source.js";
import { toSeverity } from "./severity.js";

/** One appearance of a provision (same document, same stable key) in a version. */
export interface ProvisionAppearance {
  provisionId: number;
  versionId: number;
  recordedAt: string;
  text: string;
  maxSeverity: Severity | null;
  /** False when the text is the same as in the previous appearance. */
  changed: boolean;
  /** The change record that introduced this version, if any. */
  changeRecordId: number | null;
}

/** The provision's own history: every version of its document in which its key appears, oldest first. */
export async function provisionHistory(
  src: QuerySource,
  documentId: number,
  key: string,
): Promise<ProvisionAppearance[]> {
  const rows = await src.db
    .selectFrom("provisions as p")
    .innerJoin("versions as v", "v.id", "p.version_id")
    .leftJoin("change_records as c", "c.to_version_id", "p.version_id")
    .select(["p.id", "p.version_id", "v.recorded_at", "p.text", "p.max_severity", "c.id as change_id"])
    .where("p.document_id", "=", documentId)
    .where("p.key", "=", key)
    .orderBy("v.recorded_at")
    .orderBy("v.id")
    .execute();
  let previous: string | null = null;
  return rows.map((r) => {
    const changed = previous !== r.text;
    previous = r.text;
    return {
      provisionId: r.id,
      versionId: r.version_id,
      recordedAt: r.recorded_at,
      text: r.text,
      maxSeverity: toSeverity(r.max_severity),
      changed,
      changeRecordId: r.change_id ?? null,
    };
  });
}
