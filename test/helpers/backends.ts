/**
 * Runs a suite against both storage backends. PostgreSQL is required: when it cannot be reached
 * the suite fails (CI starts the server), it never silently skips.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe } from "node:test";
import pg from "pg";
import { openStore, type Store } from "../../src/store/index.js";
import { dropPostgresSchema } from "../../src/store/postgres/postgres-backend.js";

export const POSTGRES_URL =
  process.env.CLAUSEWATCH_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export type BackendName = "sqlite" | "postgres";

/** A fresh, empty store with its own data directory. */
export interface TestStore {
  store: Store;
  dataDir: string;
  databaseUrl: string;
  postgresSchema?: string;
  dispose(): Promise<void>;
}

export async function createTestStore(backend: BackendName): Promise<TestStore> {
  const dataDir = await mkdtemp(join(tmpdir(), "clausewatch-test-"));
  if (backend === "sqlite") {
    const databaseUrl = `sqlite:${join(dataDir, "clausewatch.db")}`;
    const store = await openStore({ databaseUrl, dataDir });
    return {
      store,
      dataDir,
      databaseUrl,
      async dispose() {
        await store.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const postgresSchema = `t_${randomBytes(6).toString("hex")}`;
  const store = await openStore({ databaseUrl: POSTGRES_URL, dataDir, postgresSchema });
  return {
    store,
    dataDir,
    databaseUrl: POSTGRES_URL,
    postgresSchema,
    async dispose() {
      await store.close();
      await dropPostgresSchema(POSTGRES_URL, postgresSchema);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Declares `suite` once per backend; `get()` returns that backend's fresh store inside tests. */
export function describeEachBackend(
  name: string,
  suite: (get: () => TestStore, backend: BackendName) => void,
): void {
  for (const backend of ["sqlite", "postgres"] as const) {
    describe(`${name} [${backend}]`, () => {
      let current: TestStore | undefined;
      before(async () => {
        current = await createTestStore(backend);
      });
      after(async () => {
        await current?.dispose();
      });
      suite(() => {
        if (!current) throw new Error("test store not ready");
        return current;
      }, backend);
    });
  }
}

/** A database of its own on the PostgreSQL server, as separate machines would share it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cw_faults_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
