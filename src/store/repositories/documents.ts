import type { Kysely, Selectable } from "kysely";
import type { SourceDocumentDeclaration, TrackedDocument } from "../../model/index.js";
import type { Database, DocumentTable } from "../schema.js";

function toDocument(row: Selectable<DocumentTable>): TrackedDocument {
  return {
    id: row.id,
    platformId: row.platform_id,
    termsType: row.terms_type,
    sources: JSON.parse(row.sources) as SourceDocumentDeclaration[],
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
  };
}

/** Documents: one per platform and terms type. */
export class DocumentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Finds the platform's document of that type or creates it. Declared sources, when given,
   * replace the stored ones: the declaration file is the source of truth for where to fetch.
   */
  async ensure(
    platformId: number,
    termsType: string,
    sources?: SourceDocumentDeclaration[],
  ): Promise<TrackedDocument> {
    const existing = await this.db
      .selectFrom("documents")
      .selectAll()
      .where("platform_id", "=", platformId)
      .where("terms_type", "=", termsType)
      .executeTakeFirst();
    if (existing) {
      if (sources && JSON.stringify(sources) !== existing.sources) {
        await this.db
          .updateTable("documents")
          .set({ sources: JSON.stringify(sources) })
          .where("id", "=", existing.id)
          .execute();
        return { ...toDocument(existing), sources };
      }
      return toDocument(existing);
    }
    await this.db
      .insertInto("documents")
      .values({
        platform_id: platformId,
        terms_type: termsType,
        sources: JSON.stringify(sources ?? []),
        last_error: null,
        last_error_at: null,
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.columns(["platform_id", "terms_type"]).doNothing())
      .execute();
    const row = await this.db
      .selectFrom("documents")
      .selectAll()
      .where("platform_id", "=", platformId)
      .where("terms_type", "=", termsType)
      .executeTakeFirstOrThrow();
    return toDocument(row);
  }

  async get(id: number): Promise<TrackedDocument | undefined> {
    const row = await this.db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toDocument(row) : undefined;
  }

  async find(platformId: number, termsType: string): Promise<TrackedDocument | undefined> {
    const row = await this.db
      .selectFrom("documents")
      .selectAll()
      .where("platform_id", "=", platformId)
      .where("terms_type", "=", termsType)
      .executeTakeFirst();
    return row ? toDocument(row) : undefined;
  }

  async listByPlatform(platformId: number): Promise<TrackedDocument[]> {
    const rows = await this.db
      .selectFrom("documents")
      .selectAll()
      .where("platform_id", "=", platformId)
      .orderBy("terms_type")
      .execute();
    return rows.map(toDocument);
  }

  async list(): Promise<TrackedDocument[]> {
    const rows = await this.db.selectFrom("documents").selectAll().orderBy("id").execute();
    return rows.map(toDocument);
  }

  /** Records (or, with null, clears) the last capture error of a document. */
  async setError(id: number, message: string | null, at: string | null): Promise<void> {
    await this.db
      .updateTable("documents")
      .set({ last_error: message, last_error_at: at })
      .where("id", "=", id)
      .execute();
  }

  /** Appends to the document's error log (kept for diagnosis, never deleted). */
  async logError(entry: {
    documentId: number;
    occurredAt: string;
    url: string;
    code: string;
    message: string;
    transient: boolean;
  }): Promise<void> {
    await this.db
      .insertInto("capture_errors")
      .values({
        document_id: entry.documentId,
        occurred_at: entry.occurredAt,
        url: entry.url,
        code: entry.code,
        message: entry.message,
        transient: entry.transient ? 1 : 0,
      })
      .execute();
    await this.setError(entry.documentId, `${entry.code}: ${entry.message}`, entry.occurredAt);
  }

  async errors(
    documentId: number,
  ): Promise<{ occurredAt: string; url: string; code: string; message: string }[]> {
    const rows = await this.db
      .selectFrom("capture_errors")
      .select(["occurred_at", "url", "code", "message"])
      .where("document_id", "=", documentId)
      .orderBy("id")
      .execute();
    return rows.map((r) => ({ occurredAt: r.occurred_at, url: r.url, code: r.code, message: r.message }));
  }
}
