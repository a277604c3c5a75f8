import { type Kysely, sql } from "kysely";
import type { StoreBackend } from "./backend.js";
import type { BlobStore } from "./blobs/blob-store.js";
import type { DialectName } from "./migrations/migration.js";
import { postgresCurrentIndex } from "./postgres/postgres-current-index.js";
import { AlertRepository } from "./repositories/alerts.js";
import { AnalysisRepository } from "./repositories/analyses.js";
import { ApiKeyRepository } from "./repositories/api-keys.js";
import { ChainRepository } from "./repositories/chain.js";
import { ChangeRecordRepository } from "./repositories/change-records.js";
import { countRows } from "./repositories/count-rows.js";
import { DocumentRepository } from "./repositories/documents.js";
import { PendingAnalysisRepository } from "./repositories/pending-analyses.js";
import { PlatformRepository } from "./repositories/platforms.js";
import { ReviewRepository } from "./repositories/reviews.js";
import { SealRepository } from "./repositories/seals.js";
import { SnapshotRepository } from "./repositories/snapshots.js";
import { VersionRepository } from "./repositories/versions.js";
import { WarcRecordRepository } from "./repositories/warc-records.js";
import { WatchlistRepository } from "./repositories/watchlists.js";
import type { Database } from "./schema.js";
import type { CurrentProvisionIndex } from "./search/current-index.js";
import { SearchHeads } from "./search/search-heads.js";
import { sqliteCurrentIndex } from "./sqlite/sqlite-current-index.js";

/** The repositories over one connection or one transaction. */
export class Repositories {
  readonly platforms: PlatformRepository;
  readonly documents: DocumentRepository;
  readonly snapshots: SnapshotRepository;
  readonly versions: VersionRepository;
  readonly chain: ChainRepository;
  readonly seals: SealRepository;
  readonly analyses: AnalysisRepository;
  readonly changes: ChangeRecordRepository;
  /** Versions whose analysis, change record and alerts are still to be stored. */
  readonly pendingAnalyses: PendingAnalysisRepository;
  readonly watchlists: WatchlistRepository;
  readonly alerts: AlertRepository;
  readonly reviews: ReviewRepository;
  readonly apiKeys: ApiKeyRepository;
  /** The full-text index of current provisions, as this backend keeps it. */
  protected readonly currentIndex: CurrentProvisionIndex;

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: DialectName,
  ) {
    this.platforms = new PlatformRepository(db);
    this.documents = new DocumentRepository(db);
    this.snapshots = new SnapshotRepository(db);
    this.versions = new VersionRepository(db, dialect);
    this.chain = new ChainRepository(db);
    this.seals = new SealRepository(db);
    this.currentIndex = dialect === "sqlite" ? sqliteCurrentIndex : postgresCurrentIndex;
    this.analyses = new AnalysisRepository(db, new SearchHeads(db, this.currentIndex));
    this.changes = new ChangeRecordRepository(db);
    this.pendingAnalyses = new PendingAnalysisRepository(db);
    this.watchlists = new WatchlistRepository(db);
    this.alerts = new AlertRepository(db);
    this.reviews = new ReviewRepository(db);
    this.apiKeys = new ApiKeyRepository(db);
  }
}

/** Archive statistics, as printed by `clausewatch stats --json`. */
export interface ArchiveStats {
  platforms: number;
  documents: number;
  snapshots: number;
  versions: number;
  chainEntries: number;
}

/**
 * Storage: the database (SQLite or PostgreSQL) plus the blob store of raw snapshot bytes, which is either files
 * in the data directory or the database itself (`blobs.storage`; WARC records go to the same place).
 */
export class Store extends Repositories {
  /** WARC records kept in the database, written like blobs (`backend.bytesDb`), before what references them. */
  readonly warcRecords: WarcRecordRepository;

  constructor(
    readonly backend: StoreBackend,
    readonly blobs: BlobStore,
  ) {
    super(backend.db, backend.dialect);
    this.warcRecords = new WarcRecordRepository(backend.bytesDb);
  }

  /** Runs `work` in one transaction: all of it is stored, or none of it. */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new Repositories(trx, this.dialect)));
  }

  /** A transaction that may append to the hash chain: holds the chain lock until commit. */
  chainTransaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      await this.backend.lockChain(trx);
      return work(new Repositories(trx, this.dialect));
    });
  }

  async stats(): Promise<ArchiveStats> {
    const count = (table: "platforms" | "documents") => countRows(this.db, table);
    return {
      platforms: await count("platforms"),
      documents: await count("documents"),
      snapshots: await this.snapshots.count(),
      versions: await this.versions.count(),
      chainEntries: await this.chain.count(),
    };
  }

  /** Compacts the full-text indexes and refreshes the query planner's statistics; worth it after a bulk import. */
  async optimize(): Promise<void> {
    await this.currentIndex.compact(this.db);
    await sql`analyze`.execute(this.db);
  }

  close(): Promise<void> {
    return this.backend.close();
  }
}
