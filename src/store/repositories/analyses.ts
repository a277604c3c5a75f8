import type { Kysely } from "kysely";
import type {
  Classification,
  ClassificationReason,
  ClassifiedProvision,
  ConfidenceLevel,
  Entities,
  Polarity,
  Severity,
} from "../../model/index.js";
import type { Database } from "../schema.js";
import type { SearchHeads } from "../search/search-heads.js";

/** What the analysis of one version stores. */
export interface VersionAnalysisRecord {
  versionId: number;
  documentId: number;
  language: string;
  grade: string | null;
  score: number | null;
  gradeDetails: unknown;
  entities: Entities;
  analyzer: string;
  provisions: ClassifiedProvision[];
}

/** A stored provision with its database id. */
export interface StoredProvision extends ClassifiedProvision {
  id: number;
  versionId: number;
  documentId: number;
}

const SEVERITY_RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3 };

/** Below this confidence a finding is not clear enough to rank a provision (dashboard, report, alerts). */
const CLEAR_CONFIDENCE = 0.5;

/**
 * Highest severity of the provision's clear findings that are not protective, for filtering and highlighting.
 * A provision with no clear finding has none.
 */
function maxSeverity(clauses: Classification[]): Severity | null {
  let best: Severity | null = null;
  for (const c of clauses) {
    if (c.polarity === "protective" || c.confidence < CLEAR_CONFIDENCE) continue;
    if (!best || SEVERITY_RANK[c.severity] > SEVERITY_RANK[best]) best = c.severity;
  }
  return best;
}

function confidenceLevel(confidence: number): ConfidenceLevel {
  return confidence >= 0.75 ? "High" : confidence >= 0.5 ? "Medium" : "Low";
}

/** Provisions, classifications and per-version analysis results. */
export class AnalysisRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly searchHeads: SearchHeads,
  ) {}

  async has(versionId: number): Promise<boolean> {
    const row = await this.db
      .selectFrom("version_analyses")
      .select("version_id")
      .where("version_id", "=", versionId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Replaces the stored analysis of a version (provisions, classifications, grade, entities) and keeps the
   * index of current provisions on the document's newest analysed version. Run it in a transaction.
   *
   * A provision that comes out of the new analysis exactly as stored (same place, key, headings and text: every
   * re-analysis with the same segmenter) keeps its row and id, with only its classifications replaced, so its
   * record ID (CW-P-n) stays citable and the reviews that name it stay attached.
   */
  async save(record: VersionAnalysisRecord): Promise<void> {
    const { versionId, documentId } = record;
    await this.searchHeads.release(documentId, versionId);
    await this.db.deleteFrom("classifications").where("version_id", "=", versionId).execute();
    const kept = await this.keepUnchanged(versionId, record.provisions);
    await this.db.deleteFrom("version_analyses").where("version_id", "=", versionId).execute();
    await this.db
      .insertInto("version_analyses")
      .values({
        version_id: versionId,
        document_id: documentId,
        language: record.language,
        grade: record.grade,
        score: record.score,
        grade_details: JSON.stringify(record.gradeDetails),
        entities: JSON.stringify(record.entities),
        provision_count: record.provisions.length,
        analyzer: record.analyzer,
        analyzed_at: new Date().toISOString(),
      })
      .execute();
    // Batched: large documents have thousands of provisions, and one round trip each is slow on PostgreSQL.
    const BATCH = 200;
    for (let i = 0; i < record.provisions.length; i += BATCH) {
      const batch = record.provisions.slice(i, i + BATCH);
      const fresh = batch.filter((p) => !kept.has(p.index));
      const ids =
        fresh.length === 0
          ? []
          : await this.db
              .insertInto("provisions")
              .values(
                fresh.map((p) => ({
                  version_id: versionId,
                  document_id: documentId,
                  idx: p.index,
                  key: p.key,
                  heading_path: JSON.stringify(p.headingPath),
                  start_offset: p.start,
                  end_offset: p.end,
                  text: p.text,
                  max_severity: maxSeverity(p.clauses),
                })),
              )
              .returning(["id", "idx"])
              .execute();
      const idByIndex = new Map(ids.map((r) => [r.idx, r.id]));
      const classifications = batch.flatMap((p) =>
        p.clauses.map((c) => ({
          provision_id: kept.get(p.index) ?? idByIndex.get(p.index)!,
          version_id: versionId,
          document_id: documentId,
          type: c.type,
          confidence: c.confidence,
          polarity: c.polarity,
          severity: c.severity,
          evidence_start: c.evidence.start,
          evidence_end: c.evidence.end,
          source: c.source,
          reasons: JSON.stringify({ name: c.name, reasons: c.reasons }),
        })),
      );
      if (classifications.length > 0)
        await this.db.insertInto("classifications").values(classifications).execute();
    }
    await this.searchHeads.refresh(documentId);
  }

  /**
   * Before a re-analysis is stored (its classifications deleted already): keeps the rows of the provisions that
   * come out unchanged (updating their highest severity), deletes the others, and returns the kept ids by index.
   * A first analysis finds no rows and costs one query.
   */
  private async keepUnchanged(
    versionId: number,
    provisions: ClassifiedProvision[],
  ): Promise<Map<number, number>> {
    const rows = await this.db
      .selectFrom("provisions")
      .select(["id", "idx", "key", "heading_path", "start_offset", "end_offset", "text", "max_severity"])
      .where("version_id", "=", versionId)
      .execute();
    const kept = new Map<number, number>();
    if (rows.length === 0) return kept;
    const byIndex = new Map(provisions.map((p) => [p.index, p]));
    const gone: number[] = [];
    const severityChanged = new Map<Severity | null, number[]>();
    for (const row of rows) {
      const p = byIndex.get(row.idx);
      const same =
        p !== undefined &&
        p.key === row.key &&
        p.start === row.start_offset &&
        p.end === row.end_offset &&
        p.text === row.text &&
        JSON.stringify(p.headingPath) === row.heading_path;
      if (!same) {
        gone.push(row.id);
        continue;
      }
      kept.set(row.idx, row.id);
      const severity = maxSeverity(p.clauses);
      if (severity !== row.max_severity)
        severityChanged.set(severity, [...(severityChanged.get(severity) ?? []), row.id]);
    }
    // In chunks of ids: a statement's bound parameters are limited (SQLite 32,766).
    const CHUNK = 5_000;
    for (let i = 0; i < gone.length; i += CHUNK)
      await this.db
        .deleteFrom("provisions")
        .where("id", "in", gone.slice(i, i + CHUNK))
        .execute();
    for (const [severity, ids] of severityChanged)
      for (let i = 0; i < ids.length; i += CHUNK)
        await this.db
          .updateTable("provisions")
          .set({ max_severity: severity })
          .where("id", "in", ids.slice(i, i + CHUNK))
          .execute();
    return kept;
  }

  /** The versions (ids, oldest analysis first) that have a provision with exactly this text. */
  async versionsWithText(text: string): Promise<number[]> {
    // No index serves this (provision texts are long); it runs once per reviewer verdict, not per analysis.
    const rows = await this.db
      .selectFrom("provisions")
      .select("version_id")
      .distinct()
      .where("text", "=", text)
      .orderBy("version_id")
      .execute();
    return rows.map((r) => r.version_id);
  }

  /** The classified provisions of a version, in order, with evidence re-sliced from the version text. */
  async provisions(versionId: number, versionText: string): Promise<StoredProvision[]> {
    const rows = await this.db
      .selectFrom("provisions")
      .selectAll()
      .where("version_id", "=", versionId)
      .orderBy("idx")
      .execute();
    const clauses = await this.db
      .selectFrom("classifications")
      .selectAll()
      .where("version_id", "=", versionId)
      .orderBy("id")
      .execute();
    const byProvision = new Map<number, Classification[]>();
    for (const c of clauses) {
      const stored = JSON.parse(c.reasons) as { name: string; reasons: ClassificationReason[] };
      const list = byProvision.get(c.provision_id) ?? [];
      list.push({
        type: c.type,
        name: stored.name,
        confidence: c.confidence,
        confidenceLevel: confidenceLevel(c.confidence),
        polarity: c.polarity as Polarity,
        severity: c.severity as Severity,
        evidence: {
          start: c.evidence_start,
          end: c.evidence_end,
          text: versionText.slice(c.evidence_start, c.evidence_end),
        },
        source: c.source as Classification["source"],
        reasons: stored.reasons,
      });
      byProvision.set(c.provision_id, list);
    }
    return rows.map((r) => ({
      id: r.id,
      versionId: r.version_id,
      documentId: r.document_id,
      index: r.idx,
      key: r.key,
      headingPath: JSON.parse(r.heading_path) as string[],
      start: r.start_offset,
      end: r.end_offset,
      text: r.text,
      clauses: byProvision.get(r.id) ?? [],
    }));
  }
}
