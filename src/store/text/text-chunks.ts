/**
 * A very large version's text is also stored in chunks (table `version_text_chunks`), so a page or an API
 * response reads the part it shows instead of the whole text. Offsets are UTF-16 code units, as everywhere
 * else (provision offsets, `String.prototype.slice`): SQL `substr` counts code points and cannot be used.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** UTF-16 units per chunk: 128 KiB as a JavaScript string, a few hundred kB of HTML at most. */
export const TEXT_CHUNK_UNITS = 65_536;

/** Texts longer than this are chunked; shorter ones are read whole (bounded by this size). */
export const CHUNKED_TEXT_UNITS = 4 * TEXT_CHUNK_UNITS;

/** Chunks stored per INSERT (a chunk is at most 256 KiB of UTF-16). */
const CHUNKS_PER_INSERT = 16;

/** Whether the UTF-16 unit at `offset` is the second half of a surrogate pair: no text may be cut there. */
export function splitsPairAt(text: string, offset: number): boolean {
  const unit = text.charCodeAt(offset);
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** One stored chunk: the range [start, end) of the text. */
export interface TextChunk {
  start: number;
  end: number;
}

/** The chunks of `text` (none when it is short enough to read whole); a surrogate pair is never split. */
export function textChunks(text: string): TextChunk[] {
  if (text.length <= CHUNKED_TEXT_UNITS) return [];
  const chunks: TextChunk[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + TEXT_CHUNK_UNITS, text.length);
    if (end < text.length && splitsPairAt(text, end)) end--;
    chunks.push({ start, end });
    start = end;
  }
  return chunks;
}

/** Stores the chunks of a version's text (nothing for a short text); run it in the version's transaction. */
export async function insertTextChunks(db: Kysely<Database>, versionId: number, text: string): Promise<void> {
  const chunks = textChunks(text);
  for (let i = 0; i < chunks.length; i += CHUNKS_PER_INSERT) {
    await db
      .insertInto("version_text_chunks")
      .values(
        chunks.slice(i, i + CHUNKS_PER_INSERT).map((c) => ({
          version_id: versionId,
          start_offset: c.start,
          end_offset: c.end,
          text: text.slice(c.start, c.end),
        })),
      )
      .execute();
  }
}

/**
 * What is wrong with the stored chunks of a version whose text is `text`, or null when they are exactly its
 * chunks (none for a short text): pages show the chunks, so an edited chunk must not pass `verify`.
 */
export async function chunksProblem(
  db: Kysely<Database>,
  versionId: number,
  text: string,
): Promise<string | null> {
  const expected = textChunks(text);
  let seen = 0;
  for (let after = -1; ; ) {
    // A few at a time: the text is already in memory, its chunks need not be too.
    const rows = await db
      .selectFrom("version_text_chunks")
      .select(["start_offset", "end_offset", "text"])
      .where("version_id", "=", versionId)
      .where("start_offset", ">", after)
      .orderBy("start_offset")
      .limit(CHUNKS_PER_INSERT)
      .execute();
    for (const row of rows) {
      const chunk = expected[seen++];
      const start = Number(row.start_offset);
      if (!chunk || chunk.start !== start || chunk.end !== Number(row.end_offset))
        return `its stored copy for pages has a chunk at ${start} that does not belong to the text`;
      if (row.text !== text.slice(chunk.start, chunk.end))
        return `its stored copy for pages was altered at characters ${chunk.start + 1}–${chunk.end}`;
    }
    const last = rows[rows.length - 1];
    if (!last) break;
    after = Number(last.start_offset);
  }
  return seen === expected.length
    ? null
    : `its stored copy for pages lacks ${expected.length - seen} chunk(s)`;
}
