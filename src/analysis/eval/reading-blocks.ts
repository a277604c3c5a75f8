/**
 * The reader's blocks of a version's Markdown (design/READING.md): a block is a maximal run of non-blank
 * lines, except that each list item and each table row is its own block; headings are blocks with no labels.
 * Deterministic and independent of ClauseWatch's own segmentation, so the reader's labels do not move when
 * the segmenter changes.
 */
import { sha256Hex } from "../../util/hash.js";

/** What a block is: only `heading` blocks are never labelled. */
export type BlockKind = "heading" | "paragraph" | "list-item" | "table-row";

/** One block of a document, with the context a reader reads it with. */
export interface ReadingBlock {
  /** Position among the document's blocks, from 0. */
  index: number;
  kind: BlockKind;
  /** Character offsets of the block's lines in the document (end exclusive, no trailing newline). */
  start: number;
  end: number;
  /** The block's lines exactly as in the document. */
  text: string;
  /** Nearest heading above the block, if any. */
  heading?: string;
  /** For a list item, the paragraph that introduces its list; for a table row, the table's header row. */
  leadIn?: string;
}

const LIST_ITEM = /^\s{0,12}(?:[-*+]|\d{1,3}[.)])\s+\S/;
const ATX_HEADING = /^\s{0,3}#{1,6}(?:\s|$)/;
const SETEXT_UNDERLINE = /^\s{0,3}(?:=+|-+)\s*$/;
const THEMATIC_BREAK = /^\s{0,3}(?:(?:\*\s*){3,}|(?:_\s*){3,})$/;
const TABLE_ROW = /^\s*\|/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

interface Line {
  text: string;
  start: number;
}

/** The block being read: its kind and its first and last lines so far. */
interface OpenBlock {
  kind: BlockKind;
  first: Line;
  last: Line;
}

function linesOf(markdown: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const text of markdown.split("\n")) {
    out.push({ text: text.endsWith("\r") ? text.slice(0, -1) : text, start });
    start += text.length + 1;
  }
  return out;
}

/** Splits a document's Markdown into the reader's blocks, in document order. */
export function readingBlocks(markdown: string): ReadingBlock[] {
  const blocks: ReadingBlock[] = [];
  const lines = linesOf(markdown);
  let heading: string | undefined;
  let tableHeader: string | undefined;
  let lastParagraph: string | undefined;
  // Typed by assertion: a plain `= null` would narrow it to null for the loop, which `close()` resets.
  let open = null as OpenBlock | null;

  const close = (): void => {
    if (!open) return;
    const { kind, first, last } = open;
    const text = markdown.slice(first.start, last.start + last.text.length);
    const leadIn = kind === "list-item" ? lastParagraph : kind === "table-row" ? tableHeader : undefined;
    blocks.push({
      index: blocks.length,
      kind,
      start: first.start,
      end: first.start + text.length,
      text,
      ...(heading === undefined ? {} : { heading }),
      ...(leadIn === undefined ? {} : { leadIn }),
    });
    if (kind === "heading") {
      heading = text;
      lastParagraph = undefined;
    } else if (kind === "paragraph") lastParagraph = text;
    open = null;
  };

  for (const line of lines) {
    if (line.text.trim() === "") {
      close();
      tableHeader = undefined;
      continue;
    }
    if (TABLE_ROW.test(line.text) && TABLE_SEPARATOR.test(line.text)) {
      // A separator row carries no text: the row just above it is the header the next rows are read with.
      close();
      const above = blocks.at(-1);
      tableHeader = above?.kind === "table-row" ? above.text : undefined;
      continue;
    }
    if (SETEXT_UNDERLINE.test(line.text) || THEMATIC_BREAK.test(line.text)) {
      // Under a paragraph line it makes that paragraph a heading; alone it is a rule, not text.
      if (open?.kind === "paragraph" && SETEXT_UNDERLINE.test(line.text)) {
        open = { ...open, kind: "heading", last: line };
        close();
        continue;
      }
      if (!open || THEMATIC_BREAK.test(line.text)) {
        close();
        continue;
      }
    }
    const startsBlock: BlockKind | null = ATX_HEADING.test(line.text)
      ? "heading"
      : TABLE_ROW.test(line.text)
        ? "table-row"
        : LIST_ITEM.test(line.text)
          ? "list-item"
          : null;
    if (startsBlock) {
      close();
      open = { kind: startsBlock, first: line, last: line };
      if (startsBlock !== "list-item") close();
      continue;
    }
    if (open) open.last = line;
    else open = { kind: "paragraph", first: line, last: line };
  }
  close();
  return blocks;
}

/** SHA-256 of a block's exact text: what a label line stores to stay attached to its block. */
export function blockHash(block: Pick<ReadingBlock, "text">): string {
  return sha256Hex(block.text);
}

/** The first words of a block (up to `count`), for a human scanning a label file. */
export function firstWords(text: string, count = 8): string {
  return text.split(/\s+/).filter(Boolean).slice(0, count).join(" ");
}
