import { resolve } from "node:path";

/** Runtime configuration, from the environment. */
export interface Config {
  /** Holds the SQLite file, blobs/ and warc/. */
  dataDir: string;
  /** `sqlite:<file>` or `postgres://…`. */
  databaseUrl: string;
  /** Tests serve pages from 127.0.0.1; production refuses private addresses (SSRF). */
  allowPrivateNetwork: boolean;
}

/** Reads `CLAUSEWATCH_DATA_DIR`, `DATABASE_URL` and `CLAUSEWATCH_ALLOW_PRIVATE_NETWORK`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.CLAUSEWATCH_DATA_DIR || "./data");
  return {
    dataDir,
    databaseUrl: env.DATABASE_URL || `sqlite:${resolve(dataDir, "clausewatch.db")}`,
    allowPrivateNetwork:
      env.CLAUSEWATCH_ALLOW_PRIVATE_NETWORK === "1" || env.CLAUSEWATCH_ALLOW_PRIVATE_NETWORK === "true",
  };
}
