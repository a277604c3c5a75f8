/** Sentence splitting of plain text, for entity rules that must look at one sentence at a time. */

const BOUNDARY = /(?<=[.!?;])["'”’)\]]*\s+(?=["'“‘(]?[\p{Lu}\p{N}])|\n+/u;

/** Sentences of a plain text (approximate: "U.S. Government" splits, which only shortens a window). */
export function sentences(plain: string): string[] {
  return plain
    .split(BOUNDARY)
    .map((s) => s.trim())
    .filter(Boolean);
}
