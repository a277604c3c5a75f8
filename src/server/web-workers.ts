import cluster from "node:cluster";

/** Web workers forked by the primary, once all listen. */
export interface WebWorkers {
  /** The URL they serve on (one port, shared). */
  url: string;
  /** Sends SIGTERM to every worker and waits for them to exit; none is replaced after this. */
  stop(): Promise<void>;
}

/**
 * Cluster primary (node:cluster): forks `count` workers, each re-running the current script, which must start
 * a server (on the same port, 0 included: workers share it) when `cluster.isWorker`. SQLite in WAL mode and
 * PostgreSQL both take readers in many processes. A worker that dies is replaced; the primary spreads
 * connections over the workers.
 */
export function forkWebWorkers(count: number, host: string): Promise<WebWorkers> {
  let stopping = false;
  const fork = () => cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`web worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  return new Promise((resolve, reject) => {
    let listening = 0;
    cluster.on("listening", (_worker, address) => {
      listening++;
      if (listening !== count) return;
      const shownHost = host.includes(":") ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${address.port}`,
        stop: async () => {
          stopping = true;
          const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
          await Promise.all(
            workers.map(
              (w) =>
                new Promise<void>((done) => {
                  if (w.isDead()) return done();
                  w.once("exit", () => done());
                  w.process.kill("SIGTERM");
                }),
            ),
          );
        },
      });
    });
    for (let i = 0; i < count; i++) fork();
    cluster.once("exit", (_worker, code) => {
      if (listening < count) reject(new Error(`a web worker exited with ${code} before listening`));
    });
  });
}

/**
 * Serves the pages and API over an opened context, with change tracking scheduled in the background,
 * until SIGINT or SIGTERM; then stops both and closes the context.
 */
