import { join, resolve } from "node:path";
import type { Kysely } from "kysely";
import type { StoreBackend } from "./backend.js";
import type { ArchiveStorage, BlobStore } from "./blobs/blob-store.js";
import { DatabaseBlobStore } from "./blobs/database-blob-store.js";
import { FsBlobStore } from "./blobs/fs-blob-store.js";
import { migrateToLatest } from "./migrations/index.js";
import { openPostgresBackend } from "./postgres/postgres-backend.js";
import { openSqliteBackend } from "./sqlite/sqlite-backend.js";
import { Store } from "./store.js";

export type { StoreBackend } from "./backend.js";
export { type ArchiveStorage, BlobNotFoundError, type BlobStore } from "./blobs/blob-store.js";
export { DatabaseBlobStore } from "./blobs/database-blob-store.js";
export { FsBlobStore } from "./blobs/fs-blob-store.js";
export type { StoredProvision, VersionAnalysisRecord } from "./repositories/analyses.js";
export type { ChangeRecord } from "./repositories/change-records.js";
export type { PendingAnalysis } from "./repositories/pending-analyses.js";
export { slugify } from "./repositories/platforms.js";
export type { Seal, StoredAnalysisRows } from "./repositories/seals.js";
export type { VersionSummary } from "./repositories/versions.js";
export { type ArchiveStats, Repositories, Store } from "./store.js";

/** Where to store: the database URL and the data directory (blobs, WARC files). */
export interface StoreOptions {
  databaseUrl: string;
  dataDir: string;
  /** PostgreSQL schema (tests isolate themselves this way). */
  postgresSchema?: string;
  /**
   * Where snapshot bytes and WARC records go. Default: the database on PostgreSQL (workers on many machines share
   * one archive), files in `dataDir` on SQLite.
   */
  archiveStorage?: ArchiveStorage;
}

/** Opens the backend named by the URL: `sqlite:<file>` (or a bare path) or `postgres://…`. */
export async function openBackend(databaseUrl: string, postgresSchema?: string): Promise<StoreBackend> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return openPostgresBackend(databaseUrl, postgresSchema ? { schema: postgresSchema } : {});
  }
  const file = databaseUrl.startsWith("sqlite:") ? databaseUrl.slice("sqlite:".length) : databaseUrl;
  if (!file) throw new Error(`DATABASE_URL names no SQLite file: ${databaseUrl}`);
  return openSqliteBackend(file === ":memory:" ? file : resolve(file));
}

/** Opens storage and migrates its schema to the latest version. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const backend = await openBackend(options.databaseUrl, options.postgresSchema);
  try {
    await backend.migrate((db) =>
      migrateToLatest(
        db as unknown as Kysely<unknown>,
        backend.dialect,
        backend.dialect === "postgres" ? (options.postgresSchema ?? "public") : undefined,
      ),
    );
  } catch (error) {
    await backend.close();
    throw error;
  }
  const storage = options.archiveStorage ?? (backend.dialect === "postgres" ? "database" : "files");
  const files = new FsBlobStore(join(options.dataDir, "blobs"));
  // An archive upgraded from files keeps its older blobs in the data directory: the database store reads them there.
  const blobs: BlobStore = storage === "database" ? new DatabaseBlobStore(backend.bytesDb, files) : files;
  return new Store(backend, blobs);
}
