import { UnreadablePdfError } from "./errors.js";
import { normalizeText } from "./normalize-text.js";

/** A line shorter than this share of the page's long lines ends its paragraph (or is a heading). */
const SHORT_LINE_SHARE = 0.7;
/** Running headers and footers repeat on this share of pages or more (of three or more pages). */
const REPEATED_LINE_SHARE = 0.5;
const PAGE_NUMBER = /^(page\s+)?\d+(\s*(of|\/)\s*\d+)?$/i;

/**
 * Text of a PDF as Markdown paragraphs: lines are joined into paragraphs (a short line ends one),
 * words hyphenated across lines are rejoined (typeset hyphenation is far more common than a line
 * ending exactly at a compound's hyphen), and page numbers and running headers or footers are
 * dropped. PDFs carry no reliable structure, so no headings or lists are inferred.
 * @throws {UnreadablePdfError} corrupt, truncated or password-protected file
 */
export async function extractPdf(bytes: Uint8Array): Promise<string> {
  // Loaded on demand: pdf.js is large and most snapshots are HTML.
  const { PDFParse } = await import("pdf-parse");
  // pdf.js may transfer (detach) the buffer it is given; the caller's bytes must survive.
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText({ pageJoiner: "" });
    return pagesToMarkdown(result.pages.map((page) => page.text));
  } catch (error) {
    throw new UnreadablePdfError(error);
  } finally {
    await parser.destroy();
  }
}

/** Joins the lines of extracted pages into paragraphs separated by blank lines. */
export function pagesToMarkdown(pages: readonly string[]): string {
  const pageLines = pages.map((page) => page.split("\n").map((line) => line.replace(/\s+/g, " ").trim()));
  const repeated = repeatedLines(pageLines);
  const lengths = pageLines
    .flat()
    .map((line) => line.length)
    .sort((a, b) => a - b);
  const longLine = lengths[Math.floor(lengths.length * 0.9)] ?? 0;

  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    if (current) paragraphs.push(current);
    current = "";
  };
  for (const line of pageLines.flat()) {
    if (!line || PAGE_NUMBER.test(line) || repeated.has(line)) {
      if (!line) flush();
      continue;
    }
    if (!current) current = line;
    else if (/\p{Ll}-$/u.test(current) && /^\p{Ll}/u.test(line)) current = current.slice(0, -1) + line;
    else current += ` ${line}`;
    if (line.length < longLine * SHORT_LINE_SHARE) flush();
  }
  flush();
  return normalizeText(paragraphs.join("\n\n"));
}

function repeatedLines(pageLines: readonly string[][]): Set<string> {
  if (pageLines.length < 3) return new Set();
  const pagesWith = new Map<string, number>();
  for (const lines of pageLines)
    for (const line of new Set(lines)) pagesWith.set(line, (pagesWith.get(line) ?? 0) + 1);
  return new Set(
    [...pagesWith]
      .filter(([line, n]) => line && n >= pageLines.length * REPEATED_LINE_SHARE)
      .map(([line]) => line),
  );
}
