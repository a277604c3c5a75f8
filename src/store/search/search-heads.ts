import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { CurrentProvisionIndex } from "./current-index.js";

/**
 * Keeps each document's entry of the current-provision index on its newest analysed version. Analyses may
 * arrive out of order (catch-up after a crash, `recompute`), so the head is recomputed, never just replaced.
 */
export class SearchHeads {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly index: CurrentProvisionIndex,
  ) {}

  private async head(documentId: number): Promise<number | undefined> {
    const row = await this.db
      .selectFrom("search_heads")
      .select("version_id")
      .where("document_id", "=", documentId)
      .executeTakeFirst();
    return row?.version_id;
  }

  /** Takes a version out of the index before its provisions are deleted (re-analysis). */
  async release(documentId: number, versionId: number): Promise<void> {
    if ((await this.head(documentId)) !== versionId) return;
    await this.index.remove(this.db, versionId);
    await this.db.deleteFrom("search_heads").where("document_id", "=", documentId).execute();
  }

  /** Points the document's entry at its newest analysed version, re-indexing when that changed. */
  async refresh(documentId: number): Promise<void> {
    const newest = await this.db
      .selectFrom("versions as v")
      .innerJoin("version_analyses as a", "a.version_id", "v.id")
      .select("v.id")
      .where("v.document_id", "=", documentId)
      .orderBy("v.recorded_at", "desc")
      .orderBy("v.id", "desc")
      .limit(1)
      .executeTakeFirst();
    const head = await this.head(documentId);
    if (newest?.id === head) return;
    if (head !== undefined) await this.index.remove(this.db, head);
    if (newest === undefined) {
      await this.db.deleteFrom("search_heads").where("document_id", "=", documentId).execute();
      return;
    }
    await this.index.add(this.db, newest.id);
    await this.db
      .insertInto("search_heads")
      .values({ document_id: documentId, version_id: newest.id })
      .onConflict((oc) => oc.column("document_id").doUpdateSet({ version_id: newest.id }))
      .execute();
  }
}
