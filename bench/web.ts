/**
 * Web server throughput and latency at full-corpus size, on SQLite and PostgreSQL: requests per second and
 * p50/p99 latency of the main pages and two API routes, measured with autocannon over loopback, with no
 * response cache. The analysed corpus is built once per source state and kept (bench/out/cache for SQLite,
 * a `bench_web_<key>` schema for PostgreSQL), because analysing 2,600 versions takes most of an hour.
 *
 *   npm run bench:web -- [--postgres] [--workers N] [--dataset <dir>] [--platforms N] [--duration S] [--connections C]
 *
 * Writes bench/out/web.json.
 */

import { spawn } from "node:child_process";
import cluster from "node:cluster";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { sql } from "kysely";
import { analyzerId } from "../src/analysis/index.js";
import { Archiver } from "../src/archive/archiver.js";
import { importOtaDataset } from "../src/archive/ota/index.js";
import { WarcWriter } from "../src/archive/warc/warc-writer.js";
import { createVersionListener } from "../src/pipeline/index.js";
import { forkWebWorkers, startServer } from "../src/server/index.js";
import { openStore, type Store } from "../src/store/index.js";
import { MIGRATIONS } from "../src/store/migrations/index.js";
import { dropPostgresSchema } from "../src/store/postgres/postgres-backend.js";
import { dashboardCounts, listPlatforms, listProvisions } from "../src/store/queries/index.js";

const { values } = parseArgs({
  options: {
    dataset: { type: "string", default: "../shared/corpus/ota-contrib" },
    postgres: { type: "boolean", default: false },
    "postgres-url": {
      type: "string",
      default: process.env.CLAUSEWATCH_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test",
    },
    platforms: { type: "string", default: "0" },
    duration: { type: "string", default: "10" },
    fresh: { type: "boolean", default: false },
    serve: { type: "string" },
    connections: { type: "string", default: "10" },
    workers: { type: "string", default: "1" },
  },
});

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = join(ROOT, "bench/out");
const CACHE = join(OUT, "cache");
const DATASET = resolve(values.dataset);
const PLATFORM_LIMIT = Number(values.platforms);
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const WORKERS = Number(values.workers);

/**
 * Identity of the analysed data: the corpus (file names and sizes), the analyzer (model hash) and the schema
 * migrations. Other source changes do not re-import (that takes most of an hour); `--fresh` forces it.
 */
function sourceKey(): string {
  const hash = createHash("sha256").update(`${DATASET}\0${PLATFORM_LIMIT}\0${analyzerId()}\0`);
  hash.update(MIGRATIONS.map((m) => m.name).join(","));
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else hash.update(`${relative(DATASET, path)}:${info.size}\0`);
    }
  };
  walk(DATASET);
  return hash.digest("hex").slice(0, 12);
}

/** The dataset, or a copy of its first N platforms for quicker runs (the scanner does not follow symlinks). */
async function datasetDir(): Promise<string> {
  if (PLATFORM_LIMIT <= 0) return DATASET;
  const dir = await mkdtemp(join(tmpdir(), "clausewatch-bench-web-"));
  const services = readdirSync(DATASET, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith("."))
    .map((d) => d.name)
    .sort()
    .slice(0, PLATFORM_LIMIT);
  for (const service of services) await cp(join(DATASET, service), join(dir, service), { recursive: true });
  if (existsSync(join(DATASET, "manifest.jsonl")))
    await cp(join(DATASET, "manifest.jsonl"), join(dir, "manifest.jsonl"));
  return dir;
}

async function importInto(store: Store, dataDir: string): Promise<void> {
  const archiver = new Archiver(store, {
    warc: new WarcWriter(join(dataDir, "warc")),
    onVersion: createVersionListener(store),
  });
  const t0 = performance.now();
  let last = 0;
  const summary = await importOtaDataset(archiver, await datasetDir(), ({ done, total }) => {
    if (done - last >= 100 || done === total) {
      last = done;
      console.error(`  imported ${done}/${total} files (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  });
  console.error(
    `  ${summary.versions} versions analysed in ${((performance.now() - t0) / 60000).toFixed(1)} min`,
  );
}

/** Opens the analysed archive on a backend, importing it first if this source state has none yet. */
async function analysedStore(backend: "sqlite" | "postgres", key: string): Promise<Store> {
  const options = storeOptions(backend, key);
  const done = join(options.dataDir, `${backend}.done`);
  await mkdir(options.dataDir, { recursive: true });
  if (values.fresh || !existsSync(done)) {
    console.error(
      `${backend}: importing ${DATASET}${PLATFORM_LIMIT ? ` (first ${PLATFORM_LIMIT} platforms)` : ""} with the pipeline…`,
    );
    if (backend === "sqlite") await rm(join(options.dataDir, "clausewatch.db"), { force: true });
    else await dropPostgresSchema(values["postgres-url"], `bench_web_${key}`);
    const store = await openStore(options);
    await importInto(store, options.dataDir);
    // Planner statistics, as after any bulk load: without them PostgreSQL guesses 38,000 rows for a 50-id
    // IN list and starts parallel workers (50 ms instead of 1 ms). The import command should do this itself.
    await sql`analyze`.execute(store.db);
    await store.close();
    await writeFile(done, new Date().toISOString());
  }
  return openStore(options);
}

interface RouteResult {
  route: string;
  path: string;
  /** Requests per second with CONNECTIONS concurrent clients (the server is one Node process). */
  requestsPerSecond: number;
  /** Latency of one client at a time: the time to serve a request, without queueing behind others. */
  latencyMs: { p50: number; p99: number; max: number };
  /** Latency under CONNECTIONS concurrent clients (includes waiting for the event loop). */
  loadedLatencyMs: { p50: number; p99: number };
  bytesPerRequest: number;
  /** Server CPU time (all its processes) per request under CONNECTIONS clients; null where /proc is missing. */
  cpuMsPerRequest: number | null;
  non2xx: number;
  /** Responses by HTTP status, both phases (to tell a 404 from a 500 when non2xx is not 0). */
  statusCodes: Record<string, number>;
  errors: number;
}

function statusCounts(...runs: autocannon.Result[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const run of runs)
    for (const [code, stat] of Object.entries(run.statusCodeStats ?? {}))
      out[code] = (out[code] ?? 0) + (stat.count ?? 0);
  return out;
}

/** User and system CPU time (ms) of a process and its descendants (the web workers), from /proc (Linux). */
function processTreeCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name: state is the first, utime and stime the 12th and 13th (clock ticks of 10 ms).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    let ms = (Number(fields[11]) + Number(fields[12])) * 10;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    for (const child of children ? children.split(" ") : []) ms += processTreeCpuMs(Number(child)) ?? 0;
    return ms;
  } catch {
    return null;
  }
}

async function measure(url: string, serverPid: number, route: string, path: string): Promise<RouteResult> {
  await autocannon({ url: `${url}${path}`, connections: 2, duration: 1 }); // warm caches and the JIT
  const single = await autocannon({ url: `${url}${path}`, connections: 1, duration: DURATION });
  const cpuBefore = processTreeCpuMs(serverPid);
  const loaded = await autocannon({ url: `${url}${path}`, connections: CONNECTIONS, duration: DURATION });
  const cpuAfter = processTreeCpuMs(serverPid);
  return {
    route,
    path,
    requestsPerSecond: Math.round(loaded.requests.average),
    latencyMs: { p50: single.latency.p50, p99: single.latency.p99, max: single.latency.max },
    loadedLatencyMs: { p50: loaded.latency.p50, p99: loaded.latency.p99 },
    bytesPerRequest: Math.round(loaded.throughput.total / Math.max(1, loaded.requests.total)),
    cpuMsPerRequest:
      cpuBefore === null || cpuAfter === null
        ? null
        : Math.round(((cpuAfter - cpuBefore) / Math.max(1, loaded.requests.total)) * 10) / 10,
    non2xx: single.non2xx + loaded.non2xx,
    statusCodes: statusCounts(single, loaded),
    errors: single.errors + loaded.errors,
  };
}

/** Options of the store for a backend (the cached, analysed archive). */
function storeOptions(backend: "sqlite" | "postgres", key: string) {
  const dataDir = join(CACHE, `web-${key}`);
  return backend === "sqlite"
    ? { databaseUrl: `sqlite:${join(dataDir, "clausewatch.db")}`, dataDir }
    : { databaseUrl: values["postgres-url"], dataDir, postgresSchema: `bench_web_${key}` };
}

/**
 * Child mode (`--serve <backend>`): serve the cached archive and print the URL. The server runs in its own
 * process so that autocannon's client work never shares the server's event loop.
 */
async function serveChild(backend: "sqlite" | "postgres", key: string): Promise<void> {
  if (WORKERS > 1 && cluster.isPrimary) {
    // `serve --workers` as the CLI runs it: forked workers re-enter here and serve the shared port.
    const workers = await forkWebWorkers(WORKERS, "127.0.0.1");
    console.log(workers.url);
    process.once("SIGTERM", () => void workers.stop().then(() => process.exit(0)));
    return;
  }
  const store = await openStore(storeOptions(backend, key));
  const server = await startServer(store, { port: 0 });
  // Forked workers share the primary's port, which the primary announces.
  if (!cluster.isWorker) console.log(server.url);
  process.once("SIGTERM", () => {
    void server
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  });
}

/** Starts the server child process and waits for its URL. */
function spawnServer(
  backend: "sqlite" | "postgres",
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2), "--serve", backend],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`server process exited with ${code}`)));
    child.stdout.setEncoding("utf8").once("data", (line: string) => {
      resolve({
        url: line.split("\n")[0]!.trim(),
        pid: child.pid ?? 0,
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners("exit");
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}

async function run(backend: "sqlite" | "postgres", key: string) {
  const store = await analysedStore(backend, key);
  let counts: Awaited<ReturnType<typeof dashboardCounts>>;
  let busiest: string;
  let provisionId: number;
  try {
    const src = store.backend;
    counts = await dashboardCounts(src);
    const platforms = await listPlatforms(src, undefined, { gradeDetails: false });
    const top = [...platforms].sort((a, b) => b.versionCount - a.versionCount)[0];
    const [provision] = await listProvisions(src, { severity: "high", bySeverity: true, limit: 1 });
    if (!top || !provision) throw new Error("the archive has no analysed platform");
    busiest = top.slug;
    provisionId = provision.id;
  } finally {
    await store.close();
  }
  const server = await spawnServer(backend);
  try {
    const routes: [string, string][] = [
      ["home", "/"],
      ["platform", `/platforms/${busiest}`],
      ["provision", `/provisions/${provisionId}`],
      ["search", "/search?q=personal+data"],
      ["api provisions", "/api/v1/provisions?severity=high&limit=50"],
      ["api change records", "/api/v1/change-records?limit=50"],
    ];
    const results: RouteResult[] = [];
    for (const [route, path] of routes) {
      const result = await measure(server.url, server.pid, route, path);
      results.push(result);
      const pad = (n: number, w: number) => String(n).padStart(w);
      console.log(
        `${backend.padEnd(8)} ${route.padEnd(20)} 1 client: p50 ${pad(result.latencyMs.p50, 4)} ms p99 ${pad(result.latencyMs.p99, 4)} ms | ${CONNECTIONS} clients: ${pad(result.requestsPerSecond, 5)} req/s p99 ${pad(result.loadedLatencyMs.p99, 5)} ms${result.cpuMsPerRequest === null ? "" : `, server CPU ${result.cpuMsPerRequest.toFixed(1)} ms/req`}${result.non2xx || result.errors ? `  (${result.non2xx} non-2xx, ${result.errors} errors; status ${JSON.stringify(result.statusCodes)})` : ""}`,
      );
    }
    return { backend, data: { ...counts, platformForPage: busiest, provisionForPage: provisionId }, results };
  } finally {
    await server.stop();
  }
}

const key = sourceKey();
if (values.serve) {
  await serveChild(values.serve === "postgres" ? "postgres" : "sqlite", key);
} else {
  const backends: ("sqlite" | "postgres")[] = values.postgres ? ["sqlite", "postgres"] : ["sqlite"];
  const runs = [];
  for (const backend of backends) runs.push(await run(backend, key));
  await mkdir(OUT, { recursive: true });
  const report = {
    benchmark: "web",
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadAverage: loadavg(),
    dataset: DATASET,
    platformLimit: PLATFORM_LIMIT || null,
    connections: CONNECTIONS,
    serverWorkers: WORKERS,
    durationSeconds: DURATION,
    responseCache: false,
    runs,
  };
  await writeFile(join(OUT, "web.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${relative(process.cwd(), join(OUT, "web.json"))}`);
}
