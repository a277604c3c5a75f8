/**
 * Pages of a version's text: a page holds about {@link TEXT_PAGE_CHARS} characters, cut where a provision
 * starts when one does within the page (a provision longer than a page is split), so the HTML of one request
 * stays bounded however large the version is.
 */
import type { ProvisionView } from "../../store/queries/index.js";
import { notFound } from "../http-errors.js";

/** Characters of text per page: a long policy (most are 20–80 thousand) still fits on one. */
export const TEXT_PAGE_CHARS = 200_000;

/** One page of a text: the range [start, end) it shows and the provisions that overlap it. */
export interface TextPage {
  /** 1-based. */
  page: number;
  pageCount: number;
  start: number;
  end: number;
  provisions: ProvisionView[];
}

/** Where each page starts, given provisions sorted by start. */
function pageStarts(text: string, sorted: readonly ProvisionView[], size: number): number[] {
  const starts = [0];
  let next = 0;
  for (let from = 0; text.length - from > size; ) {
    const limit = from + size;
    let cut = -1;
    while (next < sorted.length && (sorted[next]?.start ?? 0) <= limit) {
      const start = sorted[next]?.start ?? 0;
      if (start > from) cut = start;
      next++;
    }
    if (cut === -1) {
      cut = limit;
      // Never between the two halves of a surrogate pair.
      const unit = text.charCodeAt(cut);
      if (unit >= 0xdc00 && unit <= 0xdfff) cut--;
    }
    starts.push(cut);
    from = cut;
  }
  return starts;
}

/** Page `page` (1-based) of `text`; a 404 when the text has fewer pages. */
export function textPage(
  text: string,
  provisions: readonly ProvisionView[],
  page: number,
  size = TEXT_PAGE_CHARS,
): TextPage {
  const sorted = [...provisions].sort((a, b) => a.start - b.start);
  const starts = pageStarts(text, sorted, size);
  const start = starts[page - 1];
  if (start === undefined) throw notFound(`Page ${page} of this text (it has ${starts.length})`);
  const end = starts[page] ?? text.length;
  return {
    page,
    pageCount: starts.length,
    start,
    end,
    provisions: sorted.filter((p) => p.start < end && p.end > start),
  };
}
