/**
 * The PostgreSQL queue's table, `capture_jobs`, in the store's own database and schema (the store's
 * connection pool already sets the schema as search path). Created on first use rather than by a store
 * migration, because only the PostgreSQL setup has it; the DDL is idempotent and runs under an advisory
 * lock, so any number of workers may start at once.
 */
import { type ColumnType, type Generated, type Kysely, sql } from "kysely";
import type { Database } from "../store/schema.js";

/** A job's lifecycle: `queued` (waiting, maybe for a retry) → `running` → `done` or `failed`. */
export type JobState = "queued" | "running" | "done" | "failed";

/** One row of `capture_jobs`. Times are the database's, so every machine agrees on them. */
export interface CaptureJobTable {
  id: Generated<number>;
  document_id: number;
  state: JobState;
  /** Attempts started, including one running now. */
  attempts: Generated<number>;
  /** When the job may run (next). */
  run_at: ColumnType<Date, never, Date>;
  /** Proof of ownership of a running job: a worker writes the result only while it holds the lease. */
  lease_token: string | null;
  /** A running job whose lease expired belongs to a worker that died: any worker may take it. */
  lease_expires_at: ColumnType<Date | null, never, Date | null>;
  /** Which process ran it last (host:pid:random), for diagnosis. */
  worker: string | null;
  /** The last attempt's outcome or error. */
  detail: string | null;
  created_at: ColumnType<Date, never, never>;
  finished_at: ColumnType<Date | null, never, Date | null>;
}

/** The store's tables plus the queue's. */
export type JobsDatabase = Database & { capture_jobs: CaptureJobTable };

/** The store's connection, seeing the queue's table too. */
export function jobsDatabase(db: Kysely<Database>): Kysely<JobsDatabase> {
  return db.withTables<{ capture_jobs: CaptureJobTable }>();
}

/** Arbitrary constant naming the advisory lock that serialises the table's creation. */
const DDL_LOCK_KEY = 0x636c6a62;

/** Creates the jobs table and its indexes when missing. */
export async function ensureJobsTable(db: Kysely<JobsDatabase>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${DDL_LOCK_KEY})`.execute(trx);
    await sql`
      create table if not exists capture_jobs (
        id bigint generated always as identity primary key,
        document_id integer not null references documents (id) on delete cascade,
        state text not null check (state in ('queued', 'running', 'done', 'failed')),
        attempts integer not null default 0,
        run_at timestamptz not null default now(),
        lease_token text,
        lease_expires_at timestamptz,
        worker text,
        detail text,
        created_at timestamptz not null default now(),
        finished_at timestamptz
      )`.execute(trx);
    // At most one unfinished job per document: enqueueing a second is a no-op, so schedulers on several
    // machines can tick at the same time without doubling the work.
    await sql`
      create unique index if not exists capture_jobs_one_open on capture_jobs (document_id)
      where state in ('queued', 'running')`.execute(trx);
    // What the claim query scans: due jobs in order, and running jobs by lease expiry.
    await sql`
      create index if not exists capture_jobs_due on capture_jobs (run_at, id)
      where state = 'queued'`.execute(trx);
    await sql`
      create index if not exists capture_jobs_leases on capture_jobs (lease_expires_at)
      where state = 'running'`.execute(trx);
  });
}
