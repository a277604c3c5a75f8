/**
 * A version's text read in parts: a short text is read whole (it is at most `CHUNKED_TEXT_UNITS` long), a
 * very large one chunk by chunk from `version_text_chunks`, so what a request holds in memory is bounded by
 * what it shows. Offsets are UTF-16 units.
 */
import { sql } from "kysely";
import { splitsPairAt, TEXT_CHUNK_UNITS } from "../text/text-chunks.js";
import type { QuerySource } from "./query-source.js";

/** Chunks read per query while streaming a whole text. */
const CHUNKS_PER_READ = 4;

/** Parts of one version's text. */
export interface VersionText {
  /** Length of the whole text. */
  readonly length: number;
  /** The text in [start, end). */
  read(start: number, end: number): Promise<string>;
  /** Whether no text may be cut at `offset` (the middle of a surrogate pair). */
  splitsPairAt(offset: number): Promise<boolean>;
  /** The whole text in order, in parts of at most a chunk, never splitting a surrogate pair. */
  parts(): AsyncGenerator<string>;
}

/** A text read whole: it is short. */
function wholeText(text: string): VersionText {
  return {
    length: text.length,
    read: async (start, end) => text.slice(start, end),
    splitsPairAt: async (offset) => splitsPairAt(text, offset),
    async *parts() {
      yield text;
    },
  };
}

/** A very large text, read chunk by chunk. */
function chunkedText(src: QuerySource, versionId: number, length: number): VersionText {
  const chunks = src.db.selectFrom("version_text_chunks").where("version_id", "=", versionId);
  const read = async (start: number, end: number) => {
    if (end <= start) return "";
    // A chunk is at most TEXT_CHUNK_UNITS long: both bounds of its start are known, so the key is a range.
    const rows = await chunks
      .select(["start_offset", "text"])
      .where("start_offset", ">", start - TEXT_CHUNK_UNITS)
      .where("start_offset", "<", end)
      .where("end_offset", ">", start)
      .orderBy("start_offset")
      .execute();
    let out = "";
    for (const r of rows) {
      const offset = Number(r.start_offset);
      out += r.text.slice(Math.max(start - offset, 0), end - offset);
    }
    return out;
  };
  return {
    length,
    read,
    async splitsPairAt(offset) {
      if (offset <= 0 || offset >= length) return false;
      // SQL length counts code points: a chunk with as many as UTF-16 units has no pair, and is not read here.
      const chunk = await chunks
        .select(["start_offset", "end_offset", sql<number>`length(text)`.as("points")])
        .where("start_offset", ">", offset - TEXT_CHUNK_UNITS)
        .where("start_offset", "<=", offset)
        .where("end_offset", ">", offset)
        .executeTakeFirst();
      if (!chunk || Number(chunk.points) === Number(chunk.end_offset) - Number(chunk.start_offset))
        return false;
      return splitsPairAt(await read(offset, offset + 1), 0);
    },
    async *parts() {
      for (let after = -1; ; ) {
        const rows = await chunks
          .select(["start_offset", "text"])
          .where("start_offset", ">", after)
          .orderBy("start_offset")
          .limit(CHUNKS_PER_READ)
          .execute();
        for (const r of rows) yield r.text;
        const last = rows[rows.length - 1];
        if (rows.length < CHUNKS_PER_READ || !last) return;
        after = Number(last.start_offset);
      }
    },
  };
}

/** The text of version `versionId`, read in parts; undefined when there is no such version. */
export async function openVersionText(src: QuerySource, versionId: number): Promise<VersionText | undefined> {
  const last = await src.db
    .selectFrom("version_text_chunks")
    .select("end_offset")
    .where("version_id", "=", versionId)
    .orderBy("start_offset", "desc")
    .limit(1)
    .executeTakeFirst();
  if (last) return chunkedText(src, versionId, Number(last.end_offset));
  const row = await src.db
    .selectFrom("versions")
    .select("text")
    .where("id", "=", versionId)
    .executeTakeFirst();
  return row ? wholeText(row.text) : undefined;
}
