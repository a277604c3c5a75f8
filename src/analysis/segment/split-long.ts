/** Splits an over-long block into sentence groups so that no provision grows without bound. */

/** Longest provision, in characters; longer blocks are split. */
export const MAX_PROVISION_CHARS = 2000;
/** Size a sentence group grows to before a new one starts. */
export const TARGET_GROUP_CHARS = 1200;

/**
 * End of a sentence: terminal punctuation (with closing quotes or brackets), then whitespace, then what
 * looks like the start of the next sentence. Abbreviations such as "e.g." are followed by lower case and
 * so do not split; "U.S. Government" does, which only moves a group boundary.
 */
const SENTENCE_END = /[.!?;:]["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\p{N}])/gu;

/** A `[start, end)` range of the version text. */
export interface Range {
  start: number;
  end: number;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}

/** Narrows a range to its non-whitespace content. */
function trimRange(text: string, start: number, end: number): Range {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s += 1;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e -= 1;
  return { start: s, end: e };
}

/** Cuts `[start, end)` at whitespace into pieces of at most `TARGET_GROUP_CHARS` (for run-on sentences). */
function hardWrap(text: string, start: number, end: number, out: Range[]): void {
  let from = start;
  while (end - from > MAX_PROVISION_CHARS) {
    let cut = text.lastIndexOf(" ", from + TARGET_GROUP_CHARS);
    if (cut <= from) cut = from + TARGET_GROUP_CHARS;
    const piece = trimRange(text, from, cut);
    if (piece.end > piece.start) out.push(piece);
    from = cut;
  }
  const last = trimRange(text, from, end);
  if (last.end > last.start) out.push(last);
}

/**
 * Splits `[start, end)` into consecutive sentence groups of at most `MAX_PROVISION_CHARS`, each grown
 * greedily up to `TARGET_GROUP_CHARS`. Ranges already short enough come back unchanged. Linear time.
 */
export function splitLong(text: string, start: number, end: number): Range[] {
  if (end - start <= MAX_PROVISION_CHARS) return [{ start, end }];
  const slice = text.slice(start, end);
  const boundaries: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(slice); m !== null; m = SENTENCE_END.exec(slice)) {
    boundaries.push(start + m.index + m[0].length);
  }
  boundaries.push(end);

  const out: Range[] = [];
  let groupStart = start;
  let lastFit = -1;
  for (const boundary of boundaries) {
    if (boundary - groupStart <= TARGET_GROUP_CHARS) {
      lastFit = boundary;
      continue;
    }
    if (lastFit > groupStart) {
      out.push(trimRange(text, groupStart, lastFit));
      groupStart = lastFit;
    }
    if (boundary - groupStart <= TARGET_GROUP_CHARS) {
      lastFit = boundary;
      continue;
    }
    // A single sentence longer than a group: keep it whole when it fits the hard limit, else wrap it.
    if (boundary - groupStart <= MAX_PROVISION_CHARS) out.push(trimRange(text, groupStart, boundary));
    else hardWrap(text, groupStart, boundary, out);
    groupStart = boundary;
    lastFit = -1;
  }
  if (groupStart < end) {
    const rest = trimRange(text, groupStart, end);
    if (rest.end > rest.start) out.push(rest);
  }
  return out.filter((range) => range.end > range.start);
}
