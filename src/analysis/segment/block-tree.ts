/**
 * A single-pass, line-based Markdown block parser that keeps exact offsets. It understands what policy pages
 * converted to Markdown actually contain (ATX and setext headings, nested and loose lists whose items may
 * start with a heading, GFM tables, thematic breaks, HTML remnants, YAML front matter) and nothing more:
 * code blocks, block quotes and link reference definitions are read as paragraphs, which is harmless here.
 */
import { plainText } from "./markdown-text.js";

/** A run of non-blank lines; `start`/`end` bound its text without surrounding whitespace. */
export interface ParagraphBlock {
  kind: "paragraph";
  start: number;
  end: number;
  lines: number;
}

export interface HeadingBlock {
  kind: "heading";
  /** 1–6 for Markdown headings; 7 for emphasis-only lines used as headings (see walk-blocks.ts). */
  level: number;
  /** Plain text of the heading. */
  text: string;
}

/** One table line; `start`/`end` bound the cells without the outer pipes. */
export interface TableRow {
  start: number;
  end: number;
  cells: string[];
  isSeparator: boolean;
}

export interface TableBlock {
  kind: "table";
  rows: TableRow[];
}

export interface BreakBlock {
  kind: "break";
}

export interface ListItemBlock {
  kind: "item";
  /** Column of the list marker. */
  markerIndent: number;
  children: Block[];
}

export type Block = ParagraphBlock | HeadingBlock | TableBlock | BreakBlock | ListItemBlock;

const ATX = /^(#{1,6})(?:[ \t]+|$)/;
const SETEXT = /^(=+|-+)[ \t]*$/;
const THEMATIC = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_MARKER = /^([*+-]|\d{1,9}[.)])(?:[ \t]+|$)/;
const HTML_HEADING = /^<h([1-6])\b[^>]*>(.*?)<\/h\1>$/i;
const HTML_ONLY = /^(?:<\/?[A-Za-z][^<>]*>\s*)+$|^<!--.*-->\s*$/;
const TABLE_SEPARATOR = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/;

/** Where each line starts and ends (without its line break). */
function lineBounds(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let from = 0;
  while (from <= text.length) {
    const nl = text.indexOf("\n", from);
    const stop = nl === -1 ? text.length : nl;
    starts.push(from);
    ends.push(stop > from && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop);
    if (nl === -1) break;
    from = nl + 1;
  }
  return { starts, ends };
}

/** Lines of a leading YAML front matter block ("---" … "---"), or 0. */
function frontMatterLines(text: string, starts: number[], ends: number[]): number {
  if (!/^---[ \t]*$/.test(text.slice(starts[0] ?? 0, ends[0] ?? 0))) return 0;
  const limit = Math.min(starts.length, 200);
  for (let i = 1; i < limit; i++) {
    const line = text.slice(starts[i], ends[i]);
    if (/^(---|\.\.\.)[ \t]*$/.test(line)) return i + 1;
    if (i === 1 && !/^[\w-]+:/.test(line)) return 0;
  }
  return 0;
}

function splitCells(row: string): string[] {
  const inner = row.replace(/^\|/, "").replace(/\|$/, "");
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

class Parser {
  private readonly root: Block[] = [];
  private readonly stack: ListItemBlock[] = [];
  private paragraph: ParagraphBlock | null = null;
  private paragraphOwner: Block[] | null = null;
  private table: TableBlock | null = null;
  private tableOwner: Block[] | null = null;
  private blankBefore = true;

  constructor(private readonly text: string) {}

  parse(): Block[] {
    const { starts, ends } = lineBounds(this.text);
    const skip = frontMatterLines(this.text, starts, ends);
    for (let i = skip; i < starts.length; i++) this.line(starts[i]!, ends[i]!);
    return this.root;
  }

  private container(): Block[] {
    return this.stack.at(-1)?.children ?? this.root;
  }

  private closeOpen(): void {
    this.paragraph = null;
    this.paragraphOwner = null;
    this.table = null;
    this.tableOwner = null;
  }

  /** Pops the list items that a line at `indent` is not inside. */
  private popTo(indent: number): void {
    while (this.stack.length > 0 && indent < this.stack.at(-1)!.markerIndent + 2) this.stack.pop();
  }

  private line(lineStart: number, lineEnd: number): void {
    const text = this.text;
    let pos = lineStart;
    let indent = 0;
    while (pos < lineEnd) {
      const c = text.charCodeAt(pos);
      if (c === 32) indent += 1;
      else if (c === 9) indent += 4 - (indent % 4);
      else break;
      pos += 1;
    }
    let end = lineEnd;
    while (end > pos && /\s/.test(text[end - 1]!)) end -= 1;
    if (pos >= end) {
      this.closeOpen();
      this.blankBefore = true;
      return;
    }
    this.content(pos, end, indent, false);
  }

  /** Handles the content of a line (or what follows a list marker, when `inItem`). */
  private content(pos: number, end: number, indent: number, inItem: boolean): void {
    const line = this.text.slice(pos, end);
    const paragraph = this.paragraph;
    const continues = paragraph !== null && !this.blankBefore && !inItem;

    if (continues && SETEXT.test(line) && paragraph.lines <= 2) {
      this.setext(line.startsWith("=") ? 1 : 2);
      return;
    }
    const kind = this.kindOf(line);
    if (continues && kind === "text") {
      paragraph.end = end;
      paragraph.lines += 1;
      return;
    }
    if (!inItem) this.popTo(indent);
    if (kind === "html") {
      this.closeOpen();
      this.blankBefore = true;
      return;
    }
    if (kind !== "table") this.closeOpen();
    this.blankBefore = false;
    const into = this.container();
    switch (kind) {
      case "heading": {
        const match = ATX.exec(line)!;
        const raw = line.slice(match[0].length).replace(/[ \t]+#+$/, "");
        into.push({ kind: "heading", level: match[1]!.length, text: plainText(raw) });
        return;
      }
      case "html-heading": {
        const match = HTML_HEADING.exec(line)!;
        into.push({ kind: "heading", level: Number(match[1]), text: plainText(match[2]!) });
        return;
      }
      case "break":
        into.push({ kind: "break" });
        return;
      case "table":
        this.tableRow(pos, end, line, into);
        return;
      case "item":
        this.item(pos, end, indent, line, into);
        return;
      case "text": {
        const block: ParagraphBlock = { kind: "paragraph", start: pos, end, lines: 1 };
        into.push(block);
        this.paragraph = block;
        this.paragraphOwner = into;
        return;
      }
    }
  }

  private kindOf(line: string): "heading" | "html-heading" | "break" | "table" | "item" | "html" | "text" {
    const first = line.charCodeAt(0);
    if (first === 35 /* # */ && ATX.test(line)) return "heading";
    if (first === 60 /* < */ && HTML_HEADING.test(line)) return "html-heading";
    if ((first === 45 || first === 42 || first === 95) && THEMATIC.test(line)) return "break";
    if (first === 124 /* | */) return "table";
    if (LIST_MARKER.test(line)) return "item";
    if (first === 60 /* < */ && HTML_ONLY.test(line)) return "html";
    return "text";
  }

  private setext(level: number): void {
    const paragraph = this.paragraph!;
    const owner = this.paragraphOwner!;
    const index = owner.lastIndexOf(paragraph);
    owner[index] = {
      kind: "heading",
      level,
      text: plainText(this.text.slice(paragraph.start, paragraph.end)),
    };
    this.closeOpen();
  }

  private tableRow(pos: number, end: number, line: string, into: Block[]): void {
    let start = pos + 1;
    let stop = end;
    if (stop - 1 > pos && this.text.charCodeAt(stop - 1) === 124 && this.text.charCodeAt(stop - 2) !== 92)
      stop -= 1;
    while (start < stop && /\s/.test(this.text[start]!)) start += 1;
    while (stop > start && /\s/.test(this.text[stop - 1]!)) stop -= 1;
    const row: TableRow = {
      start,
      end: stop,
      cells: splitCells(line),
      isSeparator: TABLE_SEPARATOR.test(line),
    };
    if (this.table && this.tableOwner === into) {
      this.table.rows.push(row);
      return;
    }
    const table: TableBlock = { kind: "table", rows: [row] };
    into.push(table);
    this.table = table;
    this.tableOwner = into;
  }

  private item(pos: number, end: number, indent: number, line: string, into: Block[]): void {
    const marker = LIST_MARKER.exec(line)!;
    const item: ListItemBlock = { kind: "item", markerIndent: indent, children: [] };
    into.push(item);
    this.stack.push(item);
    const restStart = pos + marker[0].length;
    this.blankBefore = true;
    if (restStart < end) {
      this.content(restStart, end, indent + marker[0].length, true);
      this.blankBefore = false;
    }
  }
}

/** Parses Markdown into a block tree; linear in the length of the text. */
export function parseBlocks(text: string): Block[] {
  return new Parser(text).parse();
}
