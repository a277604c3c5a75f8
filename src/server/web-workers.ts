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
  // Until every worker listens, an exit is a start-up failure (a port in use, a broken store): replacing the
  // worker would only fail again, so the others are stopped and the call fails.
  let ready = false;
  let stopping = false;
  const stopAll = async (): Promise<void> => {
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
  };
  return new Promise((resolve, reject) => {
    cluster.on("exit", (worker, code, signal) => {
      if (stopping) return;
      if (!ready) {
        void stopAll().then(() =>
          reject(new Error(`a web worker exited with ${signal ?? code} before listening`)),
        );
        return;
      }
      console.error(`web worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
      cluster.fork();
    });
    let listening = 0;
    cluster.on("listening", (_worker, address) => {
      listening++;
      if (ready || listening !== count) return;
      ready = true;
      const shownHost = host.includes(":") ? `[${host}]` : host;
      resolve({ url: `http://${shownHost}:${address.port}`, stop: stopAll });
    });
    for (let i = 0; i < count; i++) cluster.fork();
  });
}
