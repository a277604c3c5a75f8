import type { Kysely, Selectable } from "kysely";
import type { Platform } from "../../model/index.js";
import type { Database, PlatformTable } from "../schema.js";

function toPlatform(row: Selectable<PlatformTable>): Platform {
  return { id: row.id, slug: row.slug, name: row.name, sector: row.sector, homepage: row.homepage };
}

/** Lower-case ASCII slug used in URLs and CLI arguments ("Booking.com" → "booking-com"). */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "platform";
}

/** Platforms: the services whose documents are tracked. */
export class PlatformRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Finds a platform by slug, or creates it; the name of an existing platform is kept. */
  async ensure(
    name: string,
    details: { sector?: string | null; homepage?: string | null } = {},
  ): Promise<Platform> {
    const slug = slugify(name);
    const existing = await this.db
      .selectFrom("platforms")
      .selectAll()
      .where("slug", "=", slug)
      .executeTakeFirst();
    if (existing) return toPlatform(existing);
    const row = await this.db
      .insertInto("platforms")
      .values({
        slug,
        name,
        sector: details.sector ?? null,
        homepage: details.homepage ?? null,
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.column("slug").doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row) return toPlatform(row);
    // Lost a race with another worker inserting the same platform: read theirs.
    const winner = await this.db
      .selectFrom("platforms")
      .selectAll()
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow();
    return toPlatform(winner);
  }

  /** Finds by slug or by exact name (case-insensitive). */
  async find(nameOrSlug: string): Promise<Platform | undefined> {
    const row = await this.db
      .selectFrom("platforms")
      .selectAll()
      .where((eb) => eb.or([eb("slug", "=", slugify(nameOrSlug)), eb("name", "=", nameOrSlug)]))
      .executeTakeFirst();
    return row ? toPlatform(row) : undefined;
  }

  async get(id: number): Promise<Platform | undefined> {
    const row = await this.db.selectFrom("platforms").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toPlatform(row) : undefined;
  }

  async list(): Promise<Platform[]> {
    const rows = await this.db.selectFrom("platforms").selectAll().orderBy("name").execute();
    return rows.map(toPlatform);
  }
}
