import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import { countRows } from "./count-rows.js";

/** A version waiting for its analysis, change record and alerts. */
export interface PendingAnalysis {
  versionId: number;
  documentId: number;
  recordedAt: string;
  markedAt: string;
  attempts: number;
  lastError: string | null;
}

/**
 * The "pending analysis" marks. Marked in the transaction that inserts the version (`VersionRepository.insertPendingAnalysis`), taken in the one that stores
 * what completes it: whoever takes the mark stores the result, so two processes completing the same version
 * concurrently store it once (on PostgreSQL the second waits on the row lock, then finds the mark gone).
 */
export class PendingAnalysisRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Removes the mark of `versionId`; false when there was none (completed already, or by another process). */
  async take(versionId: number): Promise<boolean> {
    const row = await this.db
      .deleteFrom("pending_analyses")
      .where("version_id", "=", versionId)
      .returning("version_id")
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Marks made before `markedBefore` (all without it), in each document's order of dates, so that a version's
   * predecessor is completed before it.
   */
  async list(options: { markedBefore?: string; limit?: number } = {}): Promise<PendingAnalysis[]> {
    let query = this.db
      .selectFrom("pending_analyses")
      .selectAll()
      .orderBy("document_id")
      .orderBy("recorded_at")
      .orderBy("version_id")
      .limit(options.limit ?? 1000);
    if (options.markedBefore !== undefined) query = query.where("marked_at", "<", options.markedBefore);
    const rows = await query.execute();
    return rows.map((r) => ({
      versionId: r.version_id,
      documentId: r.document_id,
      recordedAt: r.recorded_at,
      markedAt: r.marked_at,
      attempts: r.attempts,
      lastError: r.last_error,
    }));
  }

  /** Records a failed attempt; the mark stays, to be tried again at the next pass. */
  async markFailed(versionId: number, error: string): Promise<void> {
    await this.db
      .updateTable("pending_analyses")
      .set((eb) => ({ attempts: eb("attempts", "+", 1), last_error: error }))
      .where("version_id", "=", versionId)
      .execute();
  }

  count(): Promise<number> {
    return countRows(this.db, "pending_analyses");
  }
}
