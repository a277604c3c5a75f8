import assert from "node:assert/strict";
import { it } from "node:test";
import { createTestStore } from "../helpers/backends.js";

// Kysely's migrator reads the catalogue of every schema in the database; a schema another process drops
// in the middle of that read used to fail the migration with "schema … does not exist" (a CI flake).
it("migrates fresh PostgreSQL schemas while other schemas are being dropped", async () => {
  const doomed = await Promise.all(Array.from({ length: 12 }, () => createTestStore("postgres")));
  const opening = Promise.allSettled(Array.from({ length: 12 }, () => createTestStore("postgres")));
  const dropping = Promise.all(doomed.map((t) => t.dispose()));
  const [opened] = await Promise.all([opening, dropping]);
  const failures = opened.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
  await Promise.all(opened.flatMap((r) => (r.status === "fulfilled" ? [r.value.dispose()] : [])));
  assert.deepEqual(failures, []);
});
