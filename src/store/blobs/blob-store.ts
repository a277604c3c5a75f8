/**
 * Where the archive keeps its bytes (snapshot blobs and WARC records): files in the data directory of one
 * machine, or the database, which every machine that shares it reads.
 */
export type ArchiveStorage = "files" | "database";

/** Content-addressed storage of raw snapshot bytes: the address is the SHA-256 of the content. */
export interface BlobStore {
  /** Where the bytes go; WARC records follow the blobs. */
  readonly storage: ArchiveStorage;
  /** Stores the bytes (no-op when already present) and returns their SHA-256. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes stored under that hash; throws `BlobNotFoundError` when absent. */
  get(sha256: string): Promise<Uint8Array>;
  /** The bytes stored under that hash, as a stream read as it is consumed, and their length; throws `BlobNotFoundError` when absent. */
  open(sha256: string): Promise<{ size: number; stream: ReadableStream<Uint8Array> }>;
  has(sha256: string): Promise<boolean>;
  /** Human-readable location of a blob, for messages. */
  describe(sha256: string): string;
}

export class BlobNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`blob ${sha256} is missing from the blob store`);
    this.name = "BlobNotFoundError";
  }
}
