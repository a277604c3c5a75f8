import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import { archiveMigration } from "./001-archive.js";
import { analysisMigration } from "./002-analysis.js";
import { readIndexesMigration } from "./003-read-indexes.js";
import { currentSearchMigration } from "./004-current-search.js";
import { changeTalliesMigration } from "./005-change-tallies.js";
import { extractionWarningsMigration } from "./006-extraction-warnings.js";
import { searchVectorMigration } from "./007-search-vector.js";
import { alertsMigration } from "./008-alerts.js";
import { reviewsMigration } from "./009-reviews.js";
import { apiKeysMigration } from "./010-api-keys.js";
import { chainSealsMigration } from "./011-chain-seals.js";
import { pendingAnalysesMigration } from "./012-pending-analyses.js";
import { changeDeltasMigration } from "./013-change-deltas.js";
import { archiveInDatabaseMigration } from "./014-archive-in-database.js";
import { versionTextChunksMigration } from "./015-version-text-chunks.js";
import { archiveBytesCompressionMigration } from "./016-archive-bytes-compression.js";
import type { DialectName, SchemaMigration } from "./migration.js";

/** Every schema migration, in order. Append new ones; never edit a released one. */
export const MIGRATIONS: readonly SchemaMigration[] = [
  archiveMigration,
  analysisMigration,
  readIndexesMigration,
  currentSearchMigration,
  changeTalliesMigration,
  extractionWarningsMigration,
  searchVectorMigration,
  alertsMigration,
  reviewsMigration,
  apiKeysMigration,
  chainSealsMigration,
  pendingAnalysesMigration,
  changeDeltasMigration,
  archiveInDatabaseMigration,
  versionTextChunksMigration,
  archiveBytesCompressionMigration,
];

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const m of MIGRATIONS) out[m.name] = { up: (db) => m.up(db, this.dialect) };
    return out;
  }
}

/** Brings the schema up to date; safe to run concurrently (Kysely takes a migration lock). */
export async function migrateToLatest(
  db: Kysely<unknown>,
  dialect: DialectName,
  schema?: string,
): Promise<void> {
  // Kysely looks for its bookkeeping tables across all schemas; naming ours keeps databases shared by
  // several schemas (tests, tenants) from seeing each other's migration state.
  const migrator = new Migrator({
    db,
    provider: new StaticProvider(dialect),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(
      `database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
