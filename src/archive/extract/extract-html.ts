import type { Document } from "domhandler";
import { DomUtils } from "htmlparser2";
import { applyFilters } from "./filters.js";
import { htmlToMarkdown } from "./html-to-markdown.js";
import { findMainContent } from "./main-content.js";
import { normalizeText } from "./normalize-text.js";
import { parseHtml } from "./parse-html.js";
import { compileSelectors, type DeclaredSelector, removeSelected, selectContent } from "./selectors.js";

/** What an Open Terms Archive declaration says about one HTML page. */
export interface HtmlDeclaration {
  url: string;
  select?: DeclaredSelector | DeclaredSelector[];
  remove?: DeclaredSelector | DeclaredSelector[];
  filters?: readonly string[];
}

/** Markdown of an HTML page and how its content was found. */
export interface HtmlExtraction {
  markdown: string;
  method: "selectors" | "main-content";
}

/**
 * Extracts an HTML page as OTA does (filters, then `remove`, then `select`), except that a selection
 * which finds nothing falls back to main-content detection with a warning instead of failing: pages
 * change before their declarations do. May return empty Markdown; the caller decides what that means.
 * @throws {SelectorError} a declared selector is not valid CSS
 */
export function extractHtml(html: string, declaration: HtmlDeclaration, warnings: string[]): HtmlExtraction {
  const selectors = declaration.select === undefined ? [] : compileSelectors(declaration.select);
  const removals = declaration.remove === undefined ? [] : compileSelectors(declaration.remove);
  const doc = parseHtml(html);
  const baseUrl = documentBase(doc, declaration.url);
  applyFilters(doc, declaration.filters ?? [], baseUrl, warnings);
  removeSelected(doc, removals);

  if (selectors.length > 0) {
    const roots = selectContent(doc, selectors, warnings);
    const markdown = normalizeText(htmlToMarkdown(roots, { baseUrl }));
    if (markdown) return { markdown, method: "selectors" };
    warnings.push(
      roots.length > 0
        ? "the declared selection holds no text; main content detected instead"
        : "the declared selection matched nothing; main content detected instead",
    );
  }
  return {
    markdown: normalizeText(htmlToMarkdown(findMainContent(doc), { baseUrl })),
    method: "main-content",
  };
}

/** The URL relative links resolve against: the page's own, or its `<base href>`. */
function documentBase(doc: Document, url: string): URL | null {
  const page = URL.canParse(url) ? new URL(url) : null;
  const head = DomUtils.findOne((el) => el.name === "head", doc.children);
  const href =
    head && DomUtils.findOne((el) => el.name === "base" && !!el.attribs.href, head.children)?.attribs.href;
  if (href && URL.canParse(href, page ?? undefined)) return new URL(href, page ?? undefined);
  return page;
}
