import type { Kysely, Selectable } from "kysely";
import type {
  ChangeDelta,
  ChangeKind,
  ChangeRecordData,
  ProvisionChange,
  Severity,
} from "../../model/index.js";
import type { ChangeRecordTable, Database } from "../schema.js";
import { countRows } from "./count-rows.js";

/** A stored change record between two consecutive versions of a document. */
export interface ChangeRecord extends ChangeRecordData {
  id: number;
  documentId: number;
  fromVersionId: number | null;
  toVersionId: number;
  recordedAt: string;
}

function toRecord(row: Selectable<ChangeRecordTable>): ChangeRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    fromVersionId: row.from_version_id,
    toVersionId: row.to_version_id,
    recordedAt: row.recorded_at,
    kind: row.kind as ChangeKind,
    severity: row.severity as Severity,
    headline: row.headline,
    summary: JSON.parse(row.summary) as string[],
    deltas: JSON.parse(row.deltas) as ChangeDelta[],
    provisionChanges: JSON.parse(row.provision_changes) as ProvisionChange[],
  };
}

/** Change records: one per version, against the version before it. */
export class ChangeRecordRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores or replaces the record of `toVersionId` (recomputation keeps the record's id stable). */
  async upsert(record: Omit<ChangeRecord, "id">): Promise<ChangeRecord> {
    const values = {
      document_id: record.documentId,
      from_version_id: record.fromVersionId,
      to_version_id: record.toVersionId,
      recorded_at: record.recordedAt,
      kind: record.kind,
      severity: record.severity,
      summary: JSON.stringify(record.summary),
      provision_changes: JSON.stringify(record.provisionChanges),
      deltas: JSON.stringify(record.deltas),
      headline: record.headline,
      computed_at: new Date().toISOString(),
    };
    const row = await this.db
      .insertInto("change_records")
      .values(values)
      .onConflict((oc) =>
        oc.column("to_version_id").doUpdateSet({
          from_version_id: values.from_version_id,
          recorded_at: values.recorded_at,
          kind: values.kind,
          severity: values.severity,
          summary: values.summary,
          provision_changes: values.provision_changes,
          deltas: values.deltas,
          headline: values.headline,
          computed_at: values.computed_at,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async get(id: number): Promise<ChangeRecord | undefined> {
    const row = await this.db
      .selectFrom("change_records")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  /** A document's change records, oldest first. */
  async listByDocument(documentId: number): Promise<ChangeRecord[]> {
    const rows = await this.db
      .selectFrom("change_records")
      .selectAll()
      .where("document_id", "=", documentId)
      .orderBy("recorded_at")
      .orderBy("id")
      .execute();
    return rows.map(toRecord);
  }

  /** The records whose new version is one of `versionIds`. */
  async listByDocumentIds(versionIds: number[]): Promise<ChangeRecord[]> {
    if (versionIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("change_records")
      .selectAll()
      .where("to_version_id", "in", versionIds)
      .execute();
    return rows.map(toRecord);
  }

  count(): Promise<number> {
    return countRows(this.db, "change_records");
  }
}
