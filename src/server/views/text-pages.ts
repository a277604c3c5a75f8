/**
 * Pages of a version's text: a page holds about {@link TEXT_PAGE_CHARS} characters, cut where a provision
 * starts when one does within the page (a provision longer than a page is split), so the HTML of one request
 * stays bounded however large the version is. The cuts are found from the text's length and one query per
 * page, never from the whole text or all its provisions, so the memory of a request is bounded too.
 */
import { notFound } from "../http-errors.js";

/** Characters of text per page: a long policy (most are 20–80 thousand) still fits on one. */
export const TEXT_PAGE_CHARS = 200_000;

/** What cutting a text into pages reads, part by part. */
export interface PageLayout {
  /** Length of the whole text. */
  length: number;
  /** Whether `offset` is the middle of a surrogate pair. */
  splitsPairAt(offset: number): Promise<boolean>;
  /** The largest provision start in (after, upTo], if any. */
  lastProvisionStart(after: number, upTo: number): Promise<number | undefined>;
}

/** One page of a text: the range [start, end) it shows. */
export interface TextPage {
  /** 1-based. */
  page: number;
  pageCount: number;
  start: number;
  end: number;
}

/** Where each page starts. */
async function pageStarts(layout: PageLayout, size: number): Promise<number[]> {
  const starts = [0];
  for (let from = 0; layout.length - from > size; ) {
    const limit = from + size;
    let cut = await layout.lastProvisionStart(from, limit);
    if (cut === undefined) {
      cut = limit;
      // Never between the two halves of a surrogate pair.
      if (await layout.splitsPairAt(cut)) cut--;
    }
    starts.push(cut);
    from = cut;
  }
  return starts;
}

/** Page `page` (1-based) of the text; a 404 when the text has fewer pages. */
export async function textPage(layout: PageLayout, page: number, size = TEXT_PAGE_CHARS): Promise<TextPage> {
  const starts = await pageStarts(layout, size);
  const start = starts[page - 1];
  if (start === undefined) throw notFound(`Page ${page} of this text (it has ${starts.length})`);
  return { page, pageCount: starts.length, start, end: starts[page] ?? layout.length };
}
