/** Test support: tampers with stored snapshot bytes wherever the store keeps them (files or the database). */
import { writeFile } from "node:fs/promises";
import { FsBlobStore, type Store } from "../../src/store/index.js";

/** Replaces the bytes stored under `sha256` with `mutate` of them; resolves to a function that restores them. */
export async function tamperBlob(
  store: Store,
  sha256: string,
  mutate: (bytes: Buffer) => Buffer,
): Promise<() => Promise<void>> {
  const original = Buffer.from(await store.blobs.get(sha256));
  const write = async (bytes: Buffer) => {
    if (store.blobs instanceof FsBlobStore) await writeFile(store.blobs.describe(sha256), bytes);
    else await store.db.updateTable("blobs").set({ bytes }).where("sha256", "=", sha256).execute();
  };
  await write(mutate(Buffer.from(original)));
  return () => write(original);
}
