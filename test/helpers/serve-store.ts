/**
 * Serves an existing store on loopback in this process and prints its URL on stdout: lets a test run the web
 * server in a child process of its own (with a small heap, say) over a store the test filled. Environment:
 * `DATABASE_URL`, `CLAUSEWATCH_DATA_DIR` and, for PostgreSQL, `TEST_POSTGRES_SCHEMA`.
 */
import { startServer } from "../../src/server/index.js";
import { openStore } from "../../src/store/index.js";

const schema = process.env.TEST_POSTGRES_SCHEMA;
const store = await openStore({
  databaseUrl: process.env.DATABASE_URL ?? "",
  dataDir: process.env.CLAUSEWATCH_DATA_DIR ?? "",
  ...(schema ? { postgresSchema: schema } : {}),
});
const server = await startServer(store, { port: 0 });
process.stdout.write(`${server.url}\n`);
process.once("SIGTERM", () => {
  void server.close().then(() => store.close());
});
