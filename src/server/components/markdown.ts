/**
 * Archived policy text is Markdown (converted from the platforms' HTML). It is rendered with markdown-it,
 * raw HTML disabled: whatever markup a platform wrote stays text, `<br>` (common in table cells) becomes a
 * line break, links open only for http(s) URLs and are marked untrusted, headings sit below the page's own,
 * and images are reduced to their alternative text. Highlights (evidence, search matches) travel through the
 * parser as private-use sentinel characters and come out as <mark> around text only, so they always nest.
 */
import MarkdownIt, { type Env, type StateCore, type StateInline, type Token } from "markdown-it";
import { truncate } from "../format.js";

/** Opens and closes a highlight inside text given to the renderers (never shown). */
export const MARK_OPEN = "\uE000";
export const MARK_CLOSE = "\uE001";
const SENTINELS = /[\uE000\uE001]/g;

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML content and attribute values (the same five characters as JSX). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function isWebUrl(url: string): boolean {
  return /^https?:\/\/\S+$/i.test(url);
}

interface RenderEnv extends Env {
  /** Whether the text being rendered is inside a highlight. */
  marking?: boolean;
  /** For each open link, whether it was rendered as an element (web URL) or as text only. */
  links?: boolean[];
}

/** `<br>`, `<br/>`, `<br />` as a hard line break: HTML is otherwise off, and tables have no other way. */
function brTag(state: StateInline, silent: boolean): boolean {
  const match = /^<br\s*\/?>/i.exec(state.src.slice(state.pos, state.pos + 8));
  if (!match) return false;
  if (!silent) state.push("hardbreak", "br", 0);
  state.pos += match[0].length;
  return true;
}

/** Text with the highlight sentinels turned into <mark> elements, which stay within this run of text. */
function markedText(content: string, env: RenderEnv): string {
  let out = env.marking ? "<mark>" : "";
  for (const part of content.split(/([\uE000\uE001])/)) {
    if (part === MARK_OPEN) {
      if (!env.marking) out += "<mark>";
      env.marking = true;
    } else if (part === MARK_CLOSE) {
      if (env.marking) out += "</mark>";
      env.marking = false;
    } else out += escapeHtml(part);
  }
  return env.marking ? `${out}</mark>` : out;
}

/**
 * Emphasis runs the parser left as text: bold broken by a page converter (`and** You**`, `Service ** and our**`)
 * or cut open where a provision was split. They are markup, not words; underscores inside identifiers stay.
 */
const UNMATCHED_EMPHASIS = /\*{2,}|(?<![\p{L}\p{N}._])__|__(?![\p{L}\p{N}_])/gu;

function dropUnmatchedEmphasis(state: StateCore): void {
  for (const block of state.tokens)
    for (const token of block.children ?? [])
      if (token.type === "text") token.content = token.content.replace(UNMATCHED_EMPHASIS, "");
}

function createMarkdown() {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  // Every link is parsed (so `[contact us](#x)` never shows its brackets); the renderer decides what is a link.
  md.validateLink = () => true;
  md.inline.ruler.before("html_inline", "br_tag", brTag);
  md.core.ruler.push("drop_unmatched_emphasis", dropUnmatchedEmphasis);
  const rules = md.renderer.rules;
  // Every render passes its own env object (the highlight and link state of that render).
  rules.text = (tokens, idx, _options, env?: RenderEnv) => markedText(tokens[idx]?.content ?? "", env ?? {});
  rules.link_open = (tokens, idx, _options, env?: RenderEnv) => {
    const href = String(tokens[idx]?.attrGet("href") ?? "");
    const web = isWebUrl(href);
    if (env) env.links = [...(env.links ?? []), web];
    return web ? `<a href="${escapeHtml(href)}" class="ext" rel="nofollow noopener noreferrer ugc">` : "";
  };
  rules.link_close = (_tokens, _idx, _options, env?: RenderEnv) => (env?.links?.pop() ? "</a>" : "");
  rules.image = (tokens, idx) => escapeHtml((tokens[idx]?.content ?? "").replace(SENTINELS, ""));
  rules.code_inline = (tokens, idx) =>
    `<code>${escapeHtml((tokens[idx]?.content ?? "").replace(SENTINELS, ""))}</code>`;
  // The page has its h1 and h2; the text's own headings start at h3.
  const level = (token: Token | undefined) => Math.min(6, Number(token?.tag.slice(1) ?? 1) + 2);
  rules.heading_open = (tokens, idx) => `<h${level(tokens[idx])}>`;
  rules.heading_close = (tokens, idx) => `</h${level(tokens[idx])}>\n`;
  return md;
}

const md = createMarkdown();

/**
 * Remembers the latest renderings: listings show the same provisions on request after request, and parsing
 * costs more than the rest of a card. Bounded; the oldest entry goes first.
 */
function memoize(render: (text: string, extra?: string) => string, size = 4000) {
  const cache = new Map<string, string>();
  return (text: string, extra?: string): string => {
    const key = extra === undefined ? text : `${extra}\u0000${text}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = render(text, extra);
    if (cache.size >= size) cache.delete(cache.keys().next().value ?? "");
    cache.set(key, value);
    return value;
  };
}

/** Wraps `[start, end)` of `text` in highlight sentinels (after removing any the text carried itself). */
export function withMark(text: string, start: number, end: number): string {
  const clean = text.replace(SENTINELS, "");
  if (start < 0 || end > clean.length || start >= end) return clean;
  return `${clean.slice(0, start)}${MARK_OPEN}${clean.slice(start, end)}${MARK_CLOSE}${clean.slice(end)}`;
}

/**
 * Repairs the emphasis that page converters leave broken: `**Title **Text` (a closing run after a space,
 * which CommonMark does not close) becomes `**Title** Text`, and an empty `****` disappears.
 */
function repairEmphasis(text: string): string {
  return text.replace(/\*{4}/g, "").replace(/\*\*(?=\S)([^*\n]*?\S)(\s+)\*\*(?=\S)/g, "**$1**$2");
}

/** Inline Markdown as HTML (emphasis, links, code, line breaks; no paragraphs). */
export function inlineHtml(text: string): string {
  return md.renderInline(repairEmphasis(text), {});
}

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** Whether a provision is one row of a Markdown table. */
export function isTableRow(text: string): boolean {
  return !text.includes("\n") && TABLE_ROW.test(text);
}

function cellCount(row: string): number {
  return row
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/).length;
}

/**
 * How far above a table row its header is looked for when only part of a text is read (a page of a very large
 * version, a provision): a table longer than this shows its later rows without their header.
 */
const TABLE_CONTEXT_CHARS = 32_768;

/** Where to start reading a text so that the table rows from `offset` on find their header. */
export function tableContextStart(offset: number): number {
  return Math.max(0, offset - TABLE_CONTEXT_CHARS);
}

/**
 * The header row of the table that the row starting at `offset` of `text` belongs to: the line above the
 * delimiter row, or the first row below it when the header is empty (as converted pages often have it).
 */
export function tableHeaderAt(text: string, offset: number): string | undefined {
  const lines = text.slice(0, offset).split("\n").slice(0, -1).reverse();
  const above: string[] = [];
  for (const line of lines) {
    if (!TABLE_ROW.test(line) && !TABLE_DELIMITER.test(line)) break;
    above.push(line);
  }
  const delimiter = above.findIndex((line) => TABLE_DELIMITER.test(line) && line.includes("-"));
  const header = above[delimiter + 1];
  if (delimiter < 0 || header === undefined) return undefined;
  if (header.replace(/[|\s]/g, "") !== "") return header;
  return above[delimiter - 1];
}

/**
 * Block Markdown as HTML. A table row on its own becomes a one-row table under its header (or under no
 * header when it has none), so that a row reads as the table it came from.
 */
export const blockHtml = memoize(renderBlock);

/**
 * Removes the indentation every line shares: a nested list item cut out of its list (a provision, or the text
 * between two) starts four spaces in, which Markdown would show as code with its asterisks.
 */
function dedent(text: string): string {
  const lines = text.split("\n");
  const common = Math.min(
    ...lines.filter((line) => line.trim() !== "").map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0),
  );
  return common > 0 && Number.isFinite(common) ? lines.map((line) => line.slice(common)).join("\n") : text;
}

function renderBlock(text: string, tableHeader?: string): string {
  if (!isTableRow(text)) return md.render(repairEmphasis(dedent(text)), {});
  const columns = cellCount(tableHeader ?? text);
  const delimiter = `|${" --- |".repeat(columns)}`;
  const html = md.render(
    `${tableHeader ?? `|${"  |".repeat(columns)}`}\n${delimiter}\n${repairEmphasis(text)}`,
    {},
  );
  return tableHeader ? html : html.replace(/<thead>[\s\S]*?<\/thead>\n?/, "");
}

function inlineTokensText(tokens: readonly Token[]): string {
  let out = "";
  for (const t of tokens) {
    if (t.type === "text" || t.type === "code_inline") out += t.content;
    else if (t.type === "image") out += t.content;
    else if (t.type === "softbreak" || t.type === "hardbreak") out += " ";
  }
  return out;
}

/** Characters that can make Markdown inline markup or entities, or split blocks. */
const MARKUP = /[*_[\]<>|`\\&\n]/;
/** A line that starts a list item, heading or quotation. */
const BLOCK_MARKER = /^\s*(?:[-+#>=]|\d{1,9}[.)])/;

/**
 * The text a reader sees, without any markup: for excerpts, titles, quotations and word diffs. Blocks are joined
 * by spaces and table cells by " · "; highlight sentinels in the text are kept.
 */
export const plainText = memoize(renderPlain);

function renderPlain(text: string): string {
  // Most provisions are one plain sentence or paragraph: nothing for the parser to do.
  if (!MARKUP.test(text) && !BLOCK_MARKER.test(text)) return text.replace(/\s+/g, " ").trim();
  const rows = dedent(text)
    .split("\n")
    .map((line) =>
      TABLE_DELIMITER.test(line) && line.includes("-")
        ? ""
        : TABLE_ROW.test(line)
          ? line
              .trim()
              .replace(/^\|/, "")
              .replace(/\|$/, "")
              .split(/(?<!\\)\|/)
              .map((cell) => cell.trim())
              .filter((cell) => cell !== "")
              .join(" · ")
          : line,
    );
  const parts: string[] = [];
  for (const token of md.parse(repairEmphasis(rows.join("\n")), {}))
    if (token.type === "inline") parts.push(inlineTokensText(token.children ?? []));
  return parts
    .filter((p) => p.trim() !== "")
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A plain-text excerpt of Markdown, cut at a word boundary. */
export function excerpt(text: string, max: number): string {
  // Only the start can show: twice the length (plus room for a link's URL) is more source than fits.
  return truncate(plainText(text.length > max * 2 + 400 ? text.slice(0, max * 2 + 400) : text), max);
}
