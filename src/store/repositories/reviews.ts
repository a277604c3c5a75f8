import type { Kysely, Selectable } from "kysely";
import type { Polarity, Review, ReviewVerdict } from "../../model/index.js";
import type { Database, ReviewTable } from "../schema.js";

function toReview(row: Selectable<ReviewTable>): Review {
  return {
    id: row.id,
    provisionId: row.provision_id,
    textSha256: row.text_sha256,
    clauseType: row.clause_type,
    verdict: row.verdict as ReviewVerdict,
    newType: row.new_type,
    polarity: row.polarity as Polarity | null,
    reviewer: row.reviewer,
    note: row.note,
    createdAt: row.created_at,
  };
}

/** Reviewers' corrections, oldest first: a later review of the same text and type overrides an earlier one. */
export class ReviewRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(r: Omit<Review, "id">): Promise<Review> {
    const row = await this.db
      .insertInto("reviews")
      .values({
        provision_id: r.provisionId,
        text_sha256: r.textSha256,
        clause_type: r.clauseType,
        verdict: r.verdict,
        new_type: r.newType,
        polarity: r.polarity,
        reviewer: r.reviewer,
        note: r.note,
        created_at: r.createdAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toReview(row);
  }

  /** The reviews of a text (by its SHA-256), oldest first. */
  async forText(textSha256: string): Promise<Review[]> {
    const rows = await this.db
      .selectFrom("reviews")
      .selectAll()
      .where("text_sha256", "=", textSha256)
      .orderBy("id")
      .execute();
    return rows.map(toReview);
  }

  /**
   * The reviews of many texts (by their SHA-256) in one query, each text's oldest first; texts without reviews
   * are absent. Analysis asks this once per version, so a version nobody reviewed costs one query.
   */
  async forTexts(textSha256s: readonly string[]): Promise<Map<string, Review[]>> {
    const byText = new Map<string, Review[]>();
    const unique = [...new Set(textSha256s)];
    // Chunked under the bound parameters a statement may carry (SQLite 32,766; a document has a few thousand).
    const CHUNK = 5_000;
    for (let i = 0; i < unique.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom("reviews")
        .selectAll()
        .where("text_sha256", "in", unique.slice(i, i + CHUNK))
        .orderBy("id")
        .execute();
      for (const row of rows) {
        const list = byText.get(row.text_sha256);
        if (list) list.push(toReview(row));
        else byText.set(row.text_sha256, [toReview(row)]);
      }
    }
    return byText;
  }

  /** Every review, oldest first. */
  async list(): Promise<Review[]> {
    return (await this.db.selectFrom("reviews").selectAll().orderBy("id").execute()).map(toReview);
  }
}
