/**
 * Import throughput of an Open Terms Archive dataset, on SQLite and PostgreSQL, as a ratio against a
 * pass that only reads and SHA-256-hashes the same files, measured in the same run.
 *
 *   node --import tsx bench/archive.ts [--dataset <dir>] [--pipeline] [--backends sqlite,postgres]
 *
 * `--pipeline` also analyses every version and computes its change record, as `import-ota` does.
 */
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Archiver } from "../src/archive/archiver.js";
import { importOtaDataset, scanOtaDataset } from "../src/archive/ota/index.js";
import { warcSinkFor } from "../src/archive/warc/warc-writer.js";
import { createVersionListener } from "../src/pipeline/index.js";
import { openStore } from "../src/store/index.js";
import { dropPostgresSchema } from "../src/store/postgres/postgres-backend.js";
import { sha256Hex } from "../src/util/hash.js";

const { values } = parseArgs({
  options: {
    dataset: { type: "string", default: "../shared/corpus/ota-contrib" },
    pipeline: { type: "boolean", default: false },
    backends: { type: "string", default: "sqlite,postgres" },
    postgres: {
      type: "string",
      default: process.env.CLAUSEWATCH_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test",
    },
  },
});

const dataset = values.dataset;
const { entries } = await scanOtaDataset(dataset);

async function baseline(): Promise<{ seconds: number; bytes: number }> {
  const t0 = performance.now();
  let bytes = 0;
  for (const e of entries) {
    const data = await readFile(e.path);
    sha256Hex(data);
    bytes += data.byteLength;
  }
  return { seconds: (performance.now() - t0) / 1000, bytes };
}

async function importOn(
  backend: string,
): Promise<{ seconds: number; versions: number; verifications: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), "clausewatch-bench-"));
  const schema = `bench_${randomBytes(4).toString("hex")}`;
  const store = await openStore(
    backend === "sqlite"
      ? { databaseUrl: `sqlite:${join(dataDir, "clausewatch.db")}`, dataDir }
      : { databaseUrl: values.postgres, dataDir, postgresSchema: schema },
  );
  try {
    const archiver = new Archiver(store, {
      warc: warcSinkFor(store, dataDir),
      ...(values.pipeline ? { onVersion: createVersionListener(store) } : {}),
    });
    const t0 = performance.now();
    const summary = await importOtaDataset(archiver, dataset);
    return {
      seconds: (performance.now() - t0) / 1000,
      versions: summary.versions,
      verifications: summary.verifications,
    };
  } finally {
    await store.close();
    if (backend === "postgres") await dropPostgresSchema(values.postgres, schema);
    await rm(dataDir, { recursive: true, force: true });
  }
}

// Warm the file cache so the baseline and the imports read from memory alike.
await baseline();
const base = await baseline();
const mb = base.bytes / 1e6;
console.log(
  `dataset: ${entries.length} files, ${mb.toFixed(1)} MB; pipeline: ${values.pipeline ? "on" : "off"}`,
);
console.log(
  `read + SHA-256 baseline: ${(entries.length / base.seconds).toFixed(0)} files/s, ${(mb / base.seconds).toFixed(0)} MB/s`,
);
const results: Record<string, unknown> = {
  files: entries.length,
  megabytes: Number(mb.toFixed(2)),
  pipeline: values.pipeline,
  baseline: {
    seconds: base.seconds,
    filesPerSecond: entries.length / base.seconds,
    mbPerSecond: mb / base.seconds,
  },
};
for (const backend of (values.backends ?? "").split(",").filter(Boolean)) {
  const r = await importOn(backend);
  const rate = entries.length / r.seconds;
  const row = {
    seconds: Number(r.seconds.toFixed(2)),
    filesPerSecond: Number(rate.toFixed(1)),
    versionsPerSecond: Number((r.versions / r.seconds).toFixed(1)),
    mbPerSecond: Number((mb / r.seconds).toFixed(2)),
    versions: r.versions,
    verifications: r.verifications,
    slowdownVsBaseline: Number((r.seconds / base.seconds).toFixed(1)),
  };
  results[backend] = row;
  console.log(
    `${backend.padEnd(8)} ${row.seconds}s: ${row.filesPerSecond} files/s, ${row.versionsPerSecond} versions/s, ${row.mbPerSecond} MB/s — ${row.slowdownVsBaseline}× the read+hash time`,
  );
}
await mkdir("bench/out", { recursive: true });
await writeFile(
  `bench/out/archive${values.pipeline ? "-pipeline" : ""}.json`,
  `${JSON.stringify(results, null, 2)}\n`,
);
