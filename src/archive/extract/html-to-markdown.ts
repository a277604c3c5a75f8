import { type ChildNode, type Element, isTag, isText } from "domhandler";
import { DomUtils } from "htmlparser2";
import { decodeCloudflareEmail, resolveHref } from "./links.js";
import { escapeMarkdown, escapeUrl } from "./markdown-escape.js";
import { MarkdownFlow } from "./markdown-flow.js";
import { renderTable } from "./markdown-table.js";

/** Options of {@link htmlToMarkdown}. */
export interface MarkdownOptions {
  /** Base for relative links and images (the page URL, or its `<base href>`); null leaves them relative. */
  baseUrl: URL | null;
}

interface Context {
  base: URL | null;
  /** Inside a table cell everything must fit on one line, so headings stay ATX. */
  inCell: boolean;
}

/** Never text of the document: scripts, styles, embedded media, form controls, metadata. */
const SKIPPED = new Set([
  "audio",
  "base",
  "canvas",
  "datalist",
  "embed",
  "head",
  "iframe",
  "input",
  "link",
  "map",
  "meta",
  "noscript",
  "object",
  "option",
  "script",
  "select",
  "style",
  "svg",
  "template",
  "textarea",
  "title",
  "video",
]);

/** Elements that start a new paragraph; any other element flows inline. */
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "header",
  "hgroup",
  "html",
  "legend",
  "main",
  "nav",
  "p",
  "section",
  "summary",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
]);

const EMPHASIS: Readonly<Record<string, string>> = {
  b: "**",
  strong: "**",
  em: "_",
  i: "_",
  del: "~~",
  s: "~~",
  strike: "~~",
};

/** Invisible characters that would split or glue words differently from one capture to the next. */
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;
/**
 * Every run of Unicode spaces, no-break spaces included, collapses to one space (OTA's
 * `convertSpacesToStandard`). Lone plain spaces do not match, so most text nodes come back untouched.
 */
const WHITESPACE = /\s{2,}|[^\S ]/g;

const LIST_INDENT = "    ";

/**
 * Converts HTML nodes to Markdown in the conventions of Turndown as configured by Open Terms Archive
 * (setext `=`/`-` underlines for levels 1–2, `*   ` bullets, `_em_`, `**strong**`, GFM tables), so that
 * our versions read like OTA's. Each root is a block of its own. Whitespace is normalised: one space
 * between words, one blank line between blocks, no trailing spaces.
 */
export function htmlToMarkdown(roots: readonly ChildNode[], options: MarkdownOptions): string {
  const flow = new MarkdownFlow();
  const ctx: Context = { base: options.baseUrl, inCell: false };
  for (const root of roots) {
    flow.blockBreak();
    render(root, ctx, flow);
    flow.blockBreak();
  }
  return flow.core();
}

type Rule = (el: Element, ctx: Context, out: MarkdownFlow) => void;

const heading: Rule = (el, ctx, out) => renderHeading(el, Number(el.name[1]), ctx, out);
const code: Rule = (el, _ctx, out) => renderCode(el, out);

/** Elements with their own Markdown; any other element is a plain block or flows inline. */
const RULES: Readonly<Record<string, Rule>> = {
  a: renderLink,
  blockquote: renderBlockquote,
  br: (_el, _ctx, out) => out.lineBreak(),
  code,
  h1: heading,
  h2: heading,
  h3: heading,
  h4: heading,
  h5: heading,
  h6: heading,
  hr: (_el, _ctx, out) => block(out, "* * *"),
  img: renderImage,
  kbd: code,
  li: (el, ctx, out) => renderListItem(el, "*   ", ctx, out),
  ol: renderList,
  pre: (el, _ctx, out) => renderPre(el, out),
  samp: code,
  table: renderTableOrBlocks,
  ul: renderList,
};

function render(node: ChildNode, ctx: Context, out: MarkdownFlow): void {
  if (isText(node)) {
    out.add(escapeMarkdown(collapse(node.data)));
    return;
  }
  if (!isTag(node) || SKIPPED.has(node.name)) return;
  const cfEmail = node.attribs["data-cfemail"];
  if (cfEmail !== undefined) {
    out.add(escapeMarkdown(decodeCloudflareEmail(cfEmail) ?? "[email protected]"));
    return;
  }
  const marker = EMPHASIS[node.name];
  const rule = RULES[node.name];
  if (marker) {
    renderDelimited(node, marker, ctx, out);
  } else if (rule) {
    rule(node, ctx, out);
  } else if (BLOCKS.has(node.name)) {
    out.blockBreak();
    renderChildren(node, ctx, out);
    out.blockBreak();
  } else {
    renderChildren(node, ctx, out);
  }
}

function renderChildren(el: Element, ctx: Context, out: MarkdownFlow): void {
  for (const child of el.children) render(child, ctx, out);
}

function renderInto(el: Element, ctx: Context): MarkdownFlow {
  const flow = new MarkdownFlow();
  renderChildren(el, ctx, flow);
  return flow;
}

function block(out: MarkdownFlow, text: string): void {
  out.blockBreak();
  out.add(text);
  out.blockBreak();
}

function collapse(text: string): string {
  return text.replace(INVISIBLE, "").replace(WHITESPACE, " ");
}

/** Emphasis around inline content; content made of several blocks cannot be wrapped and passes through. */
function renderDelimited(el: Element, marker: string, ctx: Context, out: MarkdownFlow): void {
  const inner = renderInto(el, ctx);
  const core = inner.core();
  const wrappable = !inner.isEmpty && !core.includes("\n\n");
  out.add(inner.wrap(wrappable ? `${marker}${core}${marker}` : core));
}

function renderLink(el: Element, ctx: Context, out: MarkdownFlow): void {
  const inner = renderInto(el, ctx);
  const core = inner.core();
  const href = el.attribs.href === undefined ? null : resolveHref(el.attribs.href, ctx.base);
  const linkable = !inner.isEmpty && href !== null && !core.includes("\n\n");
  out.add(inner.wrap(linkable ? `[${core}](${escapeUrl(href)})` : core));
}

function renderCode(el: Element, out: MarkdownFlow): void {
  const text = collapse(DomUtils.textContent(el));
  if (!text.trim()) {
    out.add(text);
    return;
  }
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  out.add(`${fence}${pad}${text.trim()}${pad}${fence}`);
}

/** Images matter only when they say something: decorative ones (no alt text) and inline data are left out. */
function renderImage(el: Element, ctx: Context, out: MarkdownFlow): void {
  const alt = collapse(el.attribs.alt ?? "").trim();
  const src = el.attribs.src === undefined ? null : resolveHref(el.attribs.src, ctx.base);
  if (!alt || !src || src.startsWith("data:")) return;
  out.add(`![${escapeMarkdown(alt)}](${escapeUrl(src)})`);
}

function renderHeading(el: Element, level: number, ctx: Context, out: MarkdownFlow): void {
  const text = renderInto(el, ctx)
    .core()
    .replace(/\s*\n\s*/g, " ");
  if (!text) out.blockBreak();
  else if (level <= 2 && !ctx.inCell) block(out, `${text}\n${(level === 1 ? "=" : "-").repeat(text.length)}`);
  else block(out, `${"#".repeat(level)} ${text}`);
}

function renderList(list: Element, ctx: Context, out: MarkdownFlow): void {
  // A list nested in an item hugs the item's text, as Turndown writes it.
  const nested = list.parent !== null && isTag(list.parent) && list.parent.name === "li";
  const separate = () => (nested ? out.newLine() : out.blockBreak());
  separate();
  let number = list.name === "ol" ? Number.parseInt(list.attribs.start ?? "1", 10) || 1 : 0;
  for (const child of list.children) {
    if (isTag(child) && child.name === "li") {
      renderListItem(child, number > 0 ? `${number}.  ` : "*   ", ctx, out);
      if (number > 0) number++;
    } else {
      render(child, ctx, out);
    }
  }
  separate();
}

function renderListItem(item: Element, bullet: string, ctx: Context, out: MarkdownFlow): void {
  const inner = renderInto(item, ctx);
  if (inner.isEmpty) return;
  out.newLine();
  out.add(bullet + inner.core().replace(/\n/g, `\n${LIST_INDENT}`));
  // An item ending with a paragraph or a list makes the list loose: a blank line before the next item.
  if (inner.endsWithBlock) out.blockBreak();
  else out.newLine();
}

function renderBlockquote(el: Element, ctx: Context, out: MarkdownFlow): void {
  const core = renderInto(el, ctx).core();
  if (!core) return;
  block(out, core.replace(/^/gm, "> ").replace(/^> $/gm, ">"));
}

/** Preformatted text keeps its spaces and line breaks, in a fence longer than any backtick run inside. */
function renderPre(el: Element, out: MarkdownFlow): void {
  const text = preText(el).replace(/^\n/, "").trimEnd();
  if (!text.trim()) return;
  const longestRun = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  block(out, `${fence}\n${text}\n${fence}`);
}

function preText(node: ChildNode): string {
  if (isText(node)) return node.data;
  if (!isTag(node) || SKIPPED.has(node.name)) return "";
  if (node.name === "br") return "\n";
  return node.children.map(preText).join("");
}

function renderTableOrBlocks(table: Element, ctx: Context, out: MarkdownFlow): void {
  const cellCtx: Context = { ...ctx, inCell: true };
  const markdown = renderTable(table, (cell) => renderInto(cell, cellCtx).core().replace(/\n/g, "<br>"));
  if (markdown === null) {
    out.blockBreak();
    renderChildren(table, ctx, out);
    out.blockBreak();
    return;
  }
  const caption = table.children.find((c): c is Element => isTag(c) && c.name === "caption");
  if (caption) render(caption, ctx, out);
  block(out, markdown);
}
