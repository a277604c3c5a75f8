/** Reads a response body into memory with a hard size cap, removing content-codings on the way. */
import type { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { ContentTooLargeError, NetworkError } from "./errors.js";

/** What {@link readCappedBody} produced. */
export interface DecodedBody {
  bytes: Uint8Array;
  /** The content-codings removed, as listed by the server (e.g. "gzip"), or null. */
  contentEncoding: string | null;
}

type Decoder = () => NodeJS.ReadWriteStream;

const DECODERS: Readonly<Record<string, Decoder>> = {
  gzip: createGunzip,
  "x-gzip": createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

function decoderChain(contentEncoding: string | undefined): { decoders: Decoder[]; applied: string | null } {
  const codings = (contentEncoding ?? "")
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== "" && coding !== "identity");
  // Unknown codings (e.g. zstd on Node 20): keep the bytes as sent rather than fail; the header tells.
  if (codings.length === 0 || codings.some((coding) => !(coding in DECODERS))) {
    return { decoders: [], applied: null };
  }
  // Codings are listed in the order applied, so they are removed in reverse.
  const removalOrder = [...codings].reverse();
  return { decoders: removalOrder.map((coding) => DECODERS[coding]!), applied: codings.join(", ") };
}

/**
 * Reads `body` up to `maxBytes` (counted after decoding, so a compression bomb stops at the cap too).
 * Exceeding the cap destroys the stream at once and throws `ContentTooLargeError`.
 */
export async function readCappedBody(
  body: Readable,
  url: string,
  maxBytes: number,
  contentEncoding: string | undefined,
): Promise<DecodedBody> {
  const { decoders, applied } = decoderChain(contentEncoding);
  let stream: NodeJS.ReadableStream = body;
  const stages: NodeJS.ReadWriteStream[] = [];
  for (const make of decoders) {
    const stage = make();
    stream.on("error", (error: Error) => stage.emit("error", error));
    stream = stream.pipe(stage);
    stages.push(stage);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw new ContentTooLargeError(url, maxBytes);
      chunks.push(chunk);
    }
  } catch (error) {
    for (const stream of [body, ...(stages as unknown as Readable[])]) {
      // Destroying emits an abort error of its own; nobody else listens any more.
      stream.on("error", () => undefined);
      stream.destroy();
    }
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (code.startsWith("Z_") || code.startsWith("ERR_BROTLI") || code.startsWith("ERR__")) {
      throw new NetworkError(url, "the compressed body is corrupt", code, false, { cause: error });
    }
    throw error;
  }
  const joined = Buffer.concat(chunks, total);
  return {
    bytes: new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength),
    contentEncoding: applied,
  };
}
