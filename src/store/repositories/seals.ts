import type { Kysely, Selectable } from "kysely";
import type { SealKind } from "../../model/index.js";
import type {
  ChainSealTable,
  ClassificationTable,
  Database,
  ProvisionTable,
  VersionAnalysisTable,
} from "../schema.js";

/** One stored reading of an analysis or change record. */
export interface Seal {
  id: number;
  kind: SealKind;
  subjectId: number;
  /** Canonical JSON; its SHA-256 is the record hash of the chain entry `(kind, id)`. */
  body: string;
  sealedAt: string;
}

/** The rows of one version's analysis, as stored: what an analysis seal covers. */
export interface StoredAnalysisRows {
  analysis: Selectable<VersionAnalysisTable>;
  provisions: Selectable<ProvisionTable>[];
  classifications: Selectable<ClassificationTable>[];
}

function toSeal(row: Selectable<ChainSealTable>): Seal {
  return {
    id: row.id,
    kind: row.kind as SealKind,
    subjectId: row.subject_id,
    body: row.body,
    sealedAt: row.sealed_at,
  };
}

/** Seals, appended only (each one gets a chain entry in the same transaction), and the rows they cover. */
export class SealRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(kind: SealKind, subjectId: number, body: string): Promise<Seal> {
    const row = await this.db
      .insertInto("chain_seals")
      .values({ kind, subject_id: subjectId, body, sealed_at: new Date().toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSeal(row);
  }

  async get(id: number): Promise<Seal | undefined> {
    const row = await this.db.selectFrom("chain_seals").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toSeal(row) : undefined;
  }

  /** The newest seal of one record. */
  async latest(kind: SealKind, subjectId: number): Promise<Seal | undefined> {
    const row = await this.db
      .selectFrom("chain_seals")
      .selectAll()
      .where("kind", "=", kind)
      .where("subject_id", "=", subjectId)
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    return row ? toSeal(row) : undefined;
  }

  /** The ids of the records of `kind` that exist now: analysed versions, or change records. */
  async subjects(kind: SealKind): Promise<number[]> {
    const rows =
      kind === "analysis"
        ? await this.db
            .selectFrom("version_analyses")
            .select("version_id as id")
            .orderBy("version_id")
            .execute()
        : await this.db.selectFrom("change_records").select("id").orderBy("id").execute();
    return rows.map((r) => r.id);
  }

  /** The stored analysis of a version, row by row (undefined: the version has no analysis). */
  async analysisRows(versionId: number): Promise<StoredAnalysisRows | undefined> {
    const analysis = await this.db
      .selectFrom("version_analyses")
      .selectAll()
      .where("version_id", "=", versionId)
      .executeTakeFirst();
    if (!analysis) return undefined;
    const provisions = await this.db
      .selectFrom("provisions")
      .selectAll()
      .where("version_id", "=", versionId)
      .orderBy("id")
      .execute();
    const classifications = await this.db
      .selectFrom("classifications")
      .selectAll()
      .where("version_id", "=", versionId)
      .orderBy("id")
      .execute();
    return { analysis, provisions, classifications };
  }
}
