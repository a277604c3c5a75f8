/**
 * The bundled demo corpus imported with the analysis pipeline, for end-to-end tests. Analysing the corpus
 * takes minutes, so the result is built once and cached under .tmp/, keyed by a hash of everything that
 * decides its content (the corpus, the knowledge base, the model, and the source of every stage except the
 * web layer under test); each test gets a private copy of the cached database.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { copyFile, cp, mkdir, mkdtemp, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Archiver } from "../../../src/archive/archiver.js";
import { importOtaDataset } from "../../../src/archive/ota/index.js";
import { WarcWriter } from "../../../src/archive/warc/warc-writer.js";
import { createVersionListener } from "../../../src/pipeline/index.js";
import { openStore, type Store } from "../../../src/store/index.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const DEMO_CORPUS = join(ROOT, "demo/ota");
/** What the analysed database depends on; src/server, src/cli and the read queries do not change it. */
const INPUTS = ["demo/ota", "knowledge", "labels", "src"];
const EXCLUDED = ["src/server", "src/cli", "src/citations", "src/store/queries"];
const DB_FILE = "clausewatch.db";

function hashInputs(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(ROOT, path);
      if (EXCLUDED.some((e) => rel === e || rel.startsWith(`${e}/`)) || /\.test\.tsx?$/.test(name)) continue;
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(rel).update("\0").update(readFileSync(path)).update("\0");
    }
  };
  for (const input of INPUTS) if (existsSync(join(ROOT, input))) walk(join(ROOT, input));
  return hash.digest("hex").slice(0, 16);
}

async function build(target: string): Promise<void> {
  const building = `${target}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  const store = await openStore({ databaseUrl: `sqlite:${join(building, DB_FILE)}`, dataDir: building });
  try {
    const archiver = new Archiver(store, {
      warc: new WarcWriter(join(building, "warc")),
      onVersion: createVersionListener(store),
    });
    await importOtaDataset(archiver, DEMO_CORPUS);
  } finally {
    await store.close();
  }
  await rename(building, target);
  // Caches of earlier sources are dead weight now (about 25 MB each).
  for (const name of readdirSync(dirname(target))) {
    const path = join(dirname(target), name);
    if (/^e2e-demo-[0-9a-f]{16}$/.test(name) && path !== target)
      await rm(path, { recursive: true, force: true });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The cached analysed demo database, built if needed (one builder at a time across test processes). */
async function cachedDemo(): Promise<string> {
  const cacheRoot = join(ROOT, ".tmp");
  const target = join(cacheRoot, `e2e-demo-${hashInputs()}`);
  const lock = `${target}.lock`;
  await mkdir(cacheRoot, { recursive: true });
  for (;;) {
    if (existsSync(join(target, DB_FILE))) return target;
    try {
      await mkdir(lock);
    } catch {
      // Another test process is building it; a lock older than 30 minutes belongs to a dead process.
      const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 30 * 60_000) await rm(lock, { recursive: true, force: true });
      await sleep(1000);
      continue;
    }
    try {
      if (!existsSync(join(target, DB_FILE))) await build(target);
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
}

/** A private, writable copy of the analysed demo archive (database and blobs; WARC files are not copied). */
export interface DemoStore {
  store: Store;
  dataDir: string;
  dispose(): Promise<void>;
}

export async function openDemoStore(): Promise<DemoStore> {
  const cached = await cachedDemo();
  const dataDir = await mkdtemp(join(tmpdir(), "clausewatch-e2e-"));
  await copyFile(join(cached, DB_FILE), join(dataDir, DB_FILE));
  // The captured bytes too (5 MB), so that archived copies (/archive/<sha256>) are served as in production.
  await cp(join(cached, "blobs"), join(dataDir, "blobs"), { recursive: true });
  const store = await openStore({ databaseUrl: `sqlite:${join(dataDir, DB_FILE)}`, dataDir });
  return {
    store,
    dataDir,
    async dispose() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
