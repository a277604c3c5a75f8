/** Crawling the site as a reader would: every page linked from a start page, and what each page shows. */
import { Parser } from "htmlparser2";

/** Markdown source that must never reach a reader. */
export const MARKDOWN_LEFTOVERS = ["<br", "**", "](#", "====", "| ---"];

/** Pages that are not HTML pages of the site, or repeat one already crawled with other filters. */
const SKIP = /^\/(?:api|feeds|archive|records)\b|\.pdf$|[?&](?:page|version|severity|type|kind|scope)=/;

/** The text a reader sees: everything in <body> except scripts and styles, entities decoded. */
export function visibleText(html: string): string {
  let text = "";
  let skipping = 0;
  let inBody = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "body") inBody = true;
        if (name === "script" || name === "style") skipping++;
      },
      onclosetag(name) {
        if (name === "script" || name === "style") skipping--;
        text += " ";
      },
      ontext(data) {
        if (inBody && skipping === 0) text += data;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text;
}

function links(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*href="(\/[^"#]*)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&"));
}

/** Pages read by {@link crawl}: HTML by path, and the paths that did not answer 200. */
export interface Crawled {
  pages: Map<string, string>;
  failed: string[];
}

/** Reads `start` and every page linked from a page read, breadth first, until `max` pages. */
export async function crawl(baseUrl: string, start: readonly string[], max: number): Promise<Crawled> {
  const pages = new Map<string, string>();
  const failed: string[] = [];
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0 && pages.size < max) {
    const path = queue.shift() ?? "/";
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await fetch(`${baseUrl}${path}`);
    const html = await response.text();
    if (response.status !== 200) {
      failed.push(`${path} answered ${response.status}`);
      continue;
    }
    pages.set(path, html);
    for (const link of links(html)) if (!seen.has(link) && !SKIP.test(link)) queue.push(link);
  }
  return { pages, failed };
}

/** Each Markdown leftover in the visible text of `pages`, with the words around it. */
export function markdownLeftovers(pages: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [path, html] of pages) {
    const text = visibleText(html);
    for (const leftover of MARKDOWN_LEFTOVERS) {
      const at = text.indexOf(leftover);
      if (at >= 0) found.push(`${path}: "${text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, " ")}"`);
    }
  }
  return found;
}
