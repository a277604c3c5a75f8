/**
 * Turns the block tree into provision ranges: paragraphs, list items and table data rows, each with the
 * heading path above it and the lead-in it depends on.
 */
import type { Block, HeadingBlock, ListItemBlock, ParagraphBlock, TableBlock } from "./block-tree.js";
import { carriesText, lastWords, plainText, truncateWords } from "./markdown-text.js";
import { splitLong } from "./split-long.js";

/** A provision before its index and key are known. */
export interface ProvisionRange {
  start: number;
  end: number;
  headingPath: string[];
  context: string | undefined;
}

/** Level given to emphasis-only lines used as headings: below every Markdown heading. */
export const EMPHASIS_HEADING_LEVEL = 7;
/** Longest context kept, in characters. */
export const MAX_CONTEXT_CHARS = 300;

const EMPHASIS_ONLY = /^(\*{1,3}|_{1,3})(?![\s*_])([\s\S]*?[^\s*_])\1(:?)$/;
const DATE_STAMP = /\b(updated|effective|revised|modified|amended|posted|dated?)\b|\d{4}/i;
const QUESTION = /^[\p{Lu}][^[\]<>|]*\?$/u;
const LEAD_IN_END = /(?:[:—–]|\bfollowing|\bbelow|\bincludes?|\bincluding)[\s*_]*$/i;
/**
 * A sentence left open for the list to complete ("…content except for", "…damages that result from"): eight words
 * or more (not a title) ending on a lower-case word or a comma.
 */
const OPEN_SENTENCE = /^(?=(?:\S+\s+){7})[\s\S]*[a-z,][\s*_]*$/;
/** A last sentence that announces what follows ("The following list respects the format …."). */
const ANNOUNCES = /\b(?:the following|as follows|listed below|set out below)\b[^.!?]*[.!?]?["'”’)*_\s]*$/i;
const LINK_ONLY = /^\[([^\]]+)\]\([^)]*\)$/;
/** A paragraph lettered or numbered as an item ("(A) we reasonably believe…", "b) …"): a list written without list markup. */
const ENUMERATED = /^\s*\(?(?:[a-zA-Z]|[ivx]+|\d{1,2})\)\s/;

/**
 * Whether a one-line paragraph stands in for a heading: an emphasised line ("**Cookies**",
 * "_Categories of Sources_") or a short question on its own line ("What information do we collect?", as
 * FAQ-style policies write their section titles). Sentences (ending in . ; ,) and date stamps
 * ("**Last updated June 15, 2023**") stay provisions.
 */
function headingText(text: string, block: ParagraphBlock): string | null {
  if (block.lines !== 1 || block.end - block.start > 160) return null;
  const raw = text.slice(block.start, block.end);
  const match = EMPHASIS_ONLY.exec(raw);
  let inner: string;
  if (match) {
    inner = match[2]!;
    if (inner.includes(match[1]!) || /[.;,]$/.test(inner) || DATE_STAMP.test(inner)) return null;
  } else if (QUESTION.test(raw)) {
    inner = raw;
  } else {
    return null;
  }
  const plain = plainText(inner);
  return plain.split(" ").length <= 15 ? plain : null;
}

/**
 * The lead-in a paragraph gives the list that follows it: a sentence that announces it ("…as follows.") or that
 * its items complete, or a lone link used as a label above it, else nothing.
 */
function leadIn(raw: string): string | undefined {
  if (ANNOUNCES.test(raw)) return lastWords(plainText(raw), MAX_CONTEXT_CHARS);
  return itemsLeadIn(raw) ?? linkLabel(raw);
}

/** The lead-in of a sentence that its items complete: one ending in ":" (or "including", "—") or left open. */
function itemsLeadIn(raw: string): string | undefined {
  return LEAD_IN_END.test(raw) || OPEN_SENTENCE.test(raw)
    ? lastWords(plainText(raw), MAX_CONTEXT_CHARS)
    : undefined;
}

/** A lone link used as a label above a list (Meta's policies). */
function linkLabel(raw: string): string | undefined {
  const link = LINK_ONLY.exec(raw);
  return link ? lastWords(plainText(link[1]!), MAX_CONTEXT_CHARS) || undefined : undefined;
}

class Walker {
  readonly out: ProvisionRange[] = [];

  constructor(private readonly text: string) {}

  private emit(start: number, end: number, headingPath: string[], context: string | undefined): void {
    if (!carriesText(this.text.slice(start, end))) return;
    for (const range of splitLong(this.text, start, end)) {
      this.out.push({ start: range.start, end: range.end, headingPath, context });
    }
  }

  /** Walks a container's children. `lead` is the lead-in of the enclosing list item, if any. */
  container(children: readonly Block[], base: string[], lead: string | undefined): void {
    const local: HeadingBlock[] = [];
    let path = base;
    // The paragraph whose lead-in the items that follow take, read only when an item follows (most do not).
    let introBlock: ParagraphBlock | null = null;
    let intro: string | undefined;
    // The lead-in of lettered paragraphs ("(A) …", "(B) …") while they last.
    let lettered: string | undefined;
    const introduction = (): string | undefined => {
      if (introBlock) intro = leadIn(this.text.slice(introBlock.start, introBlock.end));
      introBlock = null;
      return intro;
    };
    const pushHeading = (heading: HeadingBlock): void => {
      while (local.length > 0 && local.at(-1)!.level >= heading.level) local.pop();
      if (heading.text) local.push(heading);
      path = [...base, ...local.map((h) => h.text)];
      introBlock = null;
      intro = undefined;
    };
    for (const block of children) {
      switch (block.kind) {
        case "heading":
          pushHeading(block);
          break;
        case "break":
          introBlock = null;
          intro = undefined;
          break;
        case "paragraph": {
          const asHeading = headingText(this.text, block);
          if (asHeading !== null) {
            pushHeading({ kind: "heading", level: EMPHASIS_HEADING_LEVEL, text: asHeading });
            break;
          }
          // Lettered paragraphs after a sentence that ends open or in a colon are its items, as list items would
          // be, and share it; a paragraph that only announces a section ("read the following carefully.") is not.
          if (ENUMERATED.test(this.text.slice(block.start, block.end))) {
            if (introBlock) lettered = itemsLeadIn(this.text.slice(introBlock.start, introBlock.end));
            introBlock = null;
            if (lettered !== undefined) {
              this.emit(block.start, block.end, path, lettered);
              break;
            }
          }
          lettered = undefined;
          this.emit(block.start, block.end, path, lead);
          introBlock = block;
          intro = undefined;
          break;
        }
        case "table":
          this.table(block, path);
          introBlock = null;
          intro = undefined;
          break;
        case "item":
          this.item(block, path, introduction() ?? lead);
          break;
      }
    }
  }

  /**
   * A list item: its first paragraph is a provision in the context of the list's lead-in, and becomes the
   * lead-in of what the item contains. An item made only of a heading or an emphasised title with nested
   * content acts as a heading for that content instead.
   */
  private item(item: ListItemBlock, base: string[], intro: string | undefined): void {
    const [first, ...rest] = item.children;
    if (first?.kind !== "paragraph") {
      this.container(item.children, base, undefined);
      return;
    }
    const asHeading = rest.length > 0 ? headingText(this.text, first) : null;
    if (asHeading !== null) {
      this.container(rest, [...base, asHeading], undefined);
      return;
    }
    this.emit(first.start, first.end, base, intro);
    if (rest.length === 0) return;
    const raw = this.text.slice(first.start, first.end);
    // An item that is itself a lead-in ("ANY:", "…for any losses caused by:" under "we will not be liable for any
    // of the following:") continues its own lead-in: its items are read with both, nearest last.
    const own = plainText(raw);
    const lead = lastWords(intro && LEAD_IN_END.test(raw) ? `${intro} ${own}` : own, MAX_CONTEXT_CHARS);
    this.container(rest, base, lead);
  }

  /** Data rows of a table; the header row becomes their context. */
  private table(table: TableBlock, path: string[]): void {
    const rows = table.rows;
    const separator = rows.findIndex((row) => row.isSeparator);
    let headerIndex = separator - 1;
    // Converted pages often carry an empty header row, with the real column names in the first body row.
    if (
      headerIndex >= 0 &&
      rows[headerIndex]!.cells.every((cell) => cell === "") &&
      separator + 1 < rows.length
    ) {
      headerIndex = separator + 1;
    }
    const header = headerIndex >= 0 ? rows[headerIndex]! : undefined;
    const context = header
      ? truncateWords(
          header.cells
            .map((cell) => plainText(cell))
            .filter(Boolean)
            .join(" | "),
          MAX_CONTEXT_CHARS,
        ) || undefined
      : undefined;
    rows.forEach((row, index) => {
      if (row.isSeparator || index === headerIndex || row.cells.every((cell) => cell === "")) return;
      if (separator > 0 && index < separator - 1) return;
      this.emit(row.start, row.end, path, context);
    });
  }
}

/** Provision ranges of a parsed document, in document order. */
export function walkBlocks(text: string, blocks: readonly Block[]): ProvisionRange[] {
  const walker = new Walker(text);
  walker.container(blocks, [], undefined);
  return walker.out;
}
