import { type ChildNode, type Document, type Element, isDocument, isTag, isText } from "domhandler";
import { DomUtils } from "htmlparser2";
import { adoptChildren } from "./dom-tree.js";

/** Elements that are page furniture wherever they appear. */
const CHROME_TAGS = new Set(["dialog", "menu", "nav"]);
/** Site header, footer and sidebar; inside an article they hold its title, date or notes, so they stay there. */
const SITE_CHROME_TAGS = new Set(["aside", "footer", "header"]);
const CHROME_ROLES = new Set([
  "alertdialog",
  "dialog",
  "menu",
  "menubar",
  "navigation",
  "search",
  "toolbar",
  "tooltip",
]);
const SITE_CHROME_ROLES = new Set(["banner", "complementary", "contentinfo"]);
/** Words in class names and ids that mark furniture (split on `-`, `_` and camelCase humps). */
const CHROME_WORDS = new Set([
  "ads",
  "advert",
  "breadcrumb",
  "breadcrumbs",
  "cookiebot",
  "drawer",
  "footer",
  "header",
  "masthead",
  "megamenu",
  "menu",
  "modal",
  "nav",
  "navbar",
  "navigation",
  "newsletter",
  "offcanvas",
  "onetrust",
  "popup",
  "promo",
  "share",
  "sharing",
  "sidebar",
  "skip",
  "social",
  "submenu",
  "subscribe",
  "toolbar",
  "topbar",
]);
/** Furniture only next to a widget word: "cookie-banner" is chrome, a "cookies" section is policy. */
const NOTICE_WORDS = new Set(["consent", "cookie", "cookies", "gdpr"]);
const WIDGET_WORDS = new Set([
  "banner",
  "bar",
  "dialog",
  "manager",
  "modal",
  "notice",
  "overlay",
  "popup",
  "prompt",
  "sdk",
  "wall",
  "widget",
]);
/** Longer ids are slugs of headings ("information-collected-from-social-media-accounts"), not widget names. */
const MAX_ID_WORDS = 3;
/** Words that say "this is the document" and veto {@link CHROME_WORDS} ("cookie-policy-content"). */
const CONTENT_WORDS = new Set([
  "article",
  "body",
  "content",
  "document",
  "entry",
  "legal",
  "main",
  "markdown",
  "policy",
  "post",
  "privacy",
  "prose",
  "terms",
  "text",
]);
/** Classes of text meant for screen readers only ("opens in a new tab"), never shown. */
const SCREEN_READER_CLASS = /(^|[\s_-])(sr-only|visually-?hidden|screen-reader-(text|only))($|[\s_-])/i;
const NOT_TEXT = new Set(["script", "style", "noscript", "template", "svg", "head", "title"]);

/**
 * Heuristic rules (hidden, names, site header and footer) never remove an element holding this share
 * of the page's text: a wrapper is never chrome, even when a captured modal left `aria-hidden` on it.
 */
const MAX_CHROME_SHARE = 0.5;
/** Forms with more text than this are page wrappers (ASP.NET pages sit in one), not search boxes. */
const MAX_FORM_TEXT = 500;
/** A semantic container (`main`, `article`) is trusted when it holds this share of the text. */
const MIN_SEMANTIC_SHARE = 0.3;
/** The densest-block search descends into a child holding this share of its parent's own text. */
const DESCENT_SHARE = 0.9;

interface Measure {
  text: number;
  link: number;
}

type Container = Document | Element;

/**
 * Finds a page's main content without a declaration: strips chrome (navigation, site header and
 * footer, menus, cookie banners, dialogs, skip links, small forms, hidden and screen-reader-only
 * elements), then takes the largest `<main>`, `[role=main]` or `<article>` if it holds a fair share of
 * the text, else descends from `<body>` into the child that holds most of the text outside links.
 * Mutates `doc` (chrome is removed from it) and returns the content root.
 */
export function findMainContent(doc: Document): ChildNode[] {
  const body: Container = DomUtils.findOne((el) => el.name === "body", doc.children) ?? doc;
  const before = measure(body);
  pruneChrome(body, before, textOf(before, body), false);

  const after = measure(body);
  const total = textOf(after, body);
  const semantic = DomUtils.findAll(isSemanticContent, body.children)
    .map((el) => ({ el, text: textOf(after, el) }))
    .sort((a, b) => b.text - a.text)[0];
  if (semantic && semantic.text >= total * MIN_SEMANTIC_SHARE) return [semantic.el];
  const densest = densestBlock(body, after);
  return isDocument(densest) ? densest.children : [densest];
}

function isSemanticContent(el: Element): boolean {
  return el.name === "main" || el.name === "article" || el.attribs.role === "main";
}

function pruneChrome(parent: Container, sizes: Sizes, total: number, inContent: boolean): void {
  let removed = false;
  const kept: ChildNode[] = [];
  for (const child of parent.children) {
    if (
      isTag(child) &&
      (isNavigation(child) ||
        (textOf(sizes, child) < total * MAX_CHROME_SHARE && isChrome(child, inContent, sizes)))
    ) {
      removed = true;
      continue;
    }
    kept.push(child);
    if (isTag(child)) pruneChrome(child, sizes, total, inContent || isSemanticContent(child));
  }
  if (removed) adoptChildren(parent, kept);
}

/** Explicit markup of furniture (`<nav>`, `role="navigation"`…): trusted whatever its size. */
function isNavigation({ attribs, name }: Element): boolean {
  return CHROME_TAGS.has(name) || (attribs.role !== undefined && CHROME_ROLES.has(attribs.role));
}

/**
 * Heuristic furniture. Inside `<main>` or `<article>` only hidden and screen-reader-only elements and
 * small forms count: class names there are the document's own structure. An element holding the page's
 * `<h1>` is kept, so that a page header does not take the document's title away with it.
 */
function isChrome(el: Element, inContent: boolean, sizes: Sizes): boolean {
  const { attribs, name } = el;
  if (isHidden(el) || SCREEN_READER_CLASS.test(attribs.class ?? "")) return true;
  if (name === "form") return textOf(sizes, el) < MAX_FORM_TEXT;
  if (name === "a") return !!attribs.href?.startsWith("#") && /^\s*skip\b/i.test(DomUtils.textContent(el));
  if (inContent) return false;
  const named =
    SITE_CHROME_TAGS.has(name) ||
    SITE_CHROME_ROLES.has(attribs.role ?? "") ||
    namesChrome(attribs.class, attribs.id);
  return named && DomUtils.findOne((h) => h.name === "h1", el.children) === null;
}

function isHidden({ attribs }: Element): boolean {
  return (
    attribs.hidden !== undefined ||
    attribs["aria-hidden"] === "true" ||
    /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribs.style ?? "")
  );
}

function namesChrome(classes: string | undefined, id: string | undefined): boolean {
  const names = classes ? classes.split(/\s+/) : [];
  if (id && wordsOf(id).length <= MAX_ID_WORDS) names.push(id);
  let chrome = false;
  for (const name of names) {
    const words = wordsOf(name);
    if (words.some((w) => CONTENT_WORDS.has(w))) return false;
    chrome ||=
      words.some((w) => CHROME_WORDS.has(w)) ||
      (words.some((w) => NOTICE_WORDS.has(w)) && words.some((w) => WIDGET_WORDS.has(w)));
  }
  return chrome;
}

function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .split(/[-_]+/)
    .filter(Boolean);
}

function densestBlock(body: Container, sizes: Sizes): Container {
  let node = body;
  for (;;) {
    let best: Element | null = null;
    let bestText = 0;
    for (const child of node.children) {
      if (!isTag(child)) continue;
      const text = ownText(sizes, child);
      if (text > bestText) {
        best = child;
        bestText = text;
      }
    }
    if (!best || bestText < ownText(sizes, node) * DESCENT_SHARE) return node;
    node = best;
  }
}

type Sizes = Map<Container, Measure>;

function textOf(sizes: Sizes, node: Container): number {
  return sizes.get(node)?.text ?? 0;
}

/** Text outside links: navigation is mostly links, prose mostly not. */
function ownText(sizes: Sizes, node: Container): number {
  const m = sizes.get(node);
  return m ? m.text - m.link : 0;
}

/** Visible characters, and those inside links, of `root` and every element under it, in one pass. */
function measure(root: Container): Sizes {
  const sizes: Sizes = new Map();
  const visit = (node: ChildNode | Container, inLink: boolean): Measure => {
    if (isText(node)) {
      const text = visibleLength(node.data);
      return { text, link: inLink ? text : 0 };
    }
    if (!(isTag(node) || isDocument(node)) || (isTag(node) && NOT_TEXT.has(node.name)))
      return { text: 0, link: 0 };
    const linked = inLink || (isTag(node) && node.name === "a");
    const m = { text: 0, link: 0 };
    for (const child of node.children) {
      const c = visit(child, linked);
      m.text += c.text;
      m.link += c.link;
    }
    sizes.set(node, m);
    return m;
  };
  visit(root, false);
  return sizes;
}

function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 160) n++;
  }
  return n;
}
