import { randomBytes } from "node:crypto";
import { access, mkdir, open, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { sha256Hex } from "../../util/hash.js";
import { BlobNotFoundError, type BlobStore } from "./blob-store.js";

const HEX64 = /^[0-9a-f]{64}$/;

/** Blobs as files `<root>/ab/cd/<sha256>`; writes go through a temporary file and a rename, so a crash never leaves half a blob. */
export class FsBlobStore implements BlobStore {
  readonly storage = "files";

  constructor(readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!HEX64.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const sha = sha256Hex(bytes);
    if (await this.has(sha)) return sha;
    const path = this.pathOf(sha);
    await mkdir(join(path, ".."), { recursive: true });
    const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
    return sha;
  }

  async get(sha256: string): Promise<Uint8Array> {
    try {
      return await readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new BlobNotFoundError(sha256);
      throw error;
    }
  }

  async open(sha256: string): Promise<{ size: number; stream: ReadableStream<Uint8Array> }> {
    const file = await open(this.pathOf(sha256)).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new BlobNotFoundError(sha256);
      throw error;
    });
    const { size } = await file.stat();
    // node:stream/web's ReadableStream is the global one; its declaration differs only in name.
    return { size, stream: Readable.toWeb(file.createReadStream()) as ReadableStream<Uint8Array> };
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  describe(sha256: string): string {
    return this.pathOf(sha256);
  }
}
