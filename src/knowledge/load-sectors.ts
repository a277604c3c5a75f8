/** Reads knowledge/sectors.json: the nouns each sector writes into explanation texts, and known platforms' sectors. */
import type { z } from "zod";
import { knowledgeFileLoader } from "./load-taxonomy.js";
import { SectorsFileSchema } from "./schema.js";
import { SECTOR_NOUNS, type SectorNoun } from "./vocabulary.js";

/** A sector with every noun written: its own, else the default sector's. */
export interface Sector {
  id: string;
  name: string;
  nouns: Readonly<Record<SectorNoun, string>>;
}

/** The sectors of the knowledge base. */
export interface Sectors {
  /** Of platforms whose sector is unknown, and of pages about no platform. */
  fallback: Sector;
  byId: ReadonlyMap<string, Sector>;
  /**
   * A platform's sector: the one its record names (by id or alias, any case), else the one the knowledge base
   * lists for its slug, else the fallback.
   */
  of(platform: { slug: string; sector: string | null }): Sector;
}

/** The sectors of a valid file, each with every noun. */
function buildSectors(file: z.infer<typeof SectorsFileSchema>): Sectors {
  // The schema guarantees the default sector exists and gives every noun.
  const defaults = file.sectors.find((s) => s.id === file.default)?.nouns ?? {};
  const byId = new Map<string, Sector>();
  const bySpelling = new Map<string, Sector>();
  for (const record of file.sectors) {
    const nouns = Object.fromEntries(
      SECTOR_NOUNS.map((noun) => [noun, record.nouns[noun] ?? defaults[noun] ?? ""]),
    ) as Record<SectorNoun, string>;
    const sector: Sector = { id: record.id, name: record.name, nouns };
    byId.set(sector.id, sector);
    for (const spelling of [record.id, ...record.aliases]) bySpelling.set(spelling, sector);
  }
  const fallback = byId.get(file.default)!;
  return {
    fallback,
    byId,
    of(platform) {
      const named = platform.sector ? bySpelling.get(platform.sector.trim().toLowerCase()) : undefined;
      if (named) return named;
      const listed = file.platforms[platform.slug];
      return (listed && byId.get(listed)) || fallback;
    },
  };
}

/**
 * Loads `sectors.json` from `dir` (default: the repository's `knowledge/`), validated and cached.
 * @throws TaxonomyError when the file is missing or invalid.
 */
export const loadSectors: (dir?: string) => Sectors = knowledgeFileLoader(
  "sectors.json",
  SectorsFileSchema,
  buildSectors,
);
