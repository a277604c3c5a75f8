import { Kysely, PostgresDialect, sql, type Transaction } from "kysely";
import pg from "pg";
import type { StoreBackend } from "../backend.js";
import type { Database } from "../schema.js";

/** Arbitrary constant naming the advisory lock that guards the hash chain's head. */
const CHAIN_LOCK_KEY = 0x636c7761;
/** Arbitrary constant naming the advisory lock that keeps schema drops out of running migrations. */
const SCHEMA_DROP_LOCK_KEY = 0x636c7764;

// int8 (bigint) columns hold byte offsets and counts, far below 2^53: numbers, not strings.
pg.types.setTypeParser(20, (value: string) => Number(value));

/** Options beyond the connection URL. */
export interface PostgresBackendOptions {
  /** Schema to use (created if missing); lets tests run in isolation inside one database. */
  schema?: string;
  maxConnections?: number;
}

/** Connects to PostgreSQL; the schema is created on first use. */
export async function openPostgresBackend(
  url: string,
  options: PostgresBackendOptions = {},
): Promise<StoreBackend> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`invalid schema name: ${schema}`);
  }
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const searchPath = schema ? ` -c search_path=${schema}` : "";
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    ...(searchPath ? { options: searchPath.trim() } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const bytesPool = new pg.Pool({
    connectionString: url,
    max: 2,
    options: `-c synchronous_commit=off${searchPath}`,
  });
  const bytesDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: bytesPool }) });
  const safeUrl = new URL(url);
  safeUrl.password = "";
  return {
    dialect: "postgres",
    db,
    bytesDb,
    location: `${safeUrl.host}${safeUrl.pathname}${schema ? ` (schema ${schema})` : ""}`,
    async lockChain(trx: Transaction<Database>) {
      await sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`.execute(trx);
    },
    migrate: (run) =>
      db.connection().execute(async (connection) => {
        await sql`select pg_advisory_lock_shared(${SCHEMA_DROP_LOCK_KEY})`.execute(connection);
        try {
          await run(connection);
        } finally {
          await sql`select pg_advisory_unlock_shared(${SCHEMA_DROP_LOCK_KEY})`.execute(connection);
        }
      }),
    close: async () => {
      await bytesDb.destroy();
      await db.destroy();
    },
  };
}

/** Drops a schema and everything in it (test clean-up), once no migration is introspecting. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // Released when the session ends.
    await admin.query("select pg_advisory_lock($1)", [SCHEMA_DROP_LOCK_KEY]);
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}
