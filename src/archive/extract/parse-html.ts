import { type ChildNode, type Document, type Element, hasChildren, isTag, type ParentNode } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";

const PARSER_OPTIONS = {
  decodeEntities: true,
  lowerCaseTags: true,
  lowerCaseAttributeNames: true,
  // `<iframe … />` must close the element: read as an open raw-text iframe (the HTML5 rule), it turns
  // the rest of the page into one text node (Brevo puts one inside a <noscript> in its <head>).
  recognizeSelfClosing: true,
} as const;

/** Deeper elements are flattened, so that recursive passes over the tree stay far from the stack limit. */
export const MAX_DEPTH = 200;

/**
 * Parses HTML forgivingly: never throws, whatever the input. Two repairs follow the parse: an unclosed
 * `<iframe>` that swallowed the page as text is re-parsed, and nesting beyond {@link MAX_DEPTH} (runs of
 * unclosed tags) is flattened into the element at that depth, keeping its text and line breaks in order.
 */
export function parseHtml(html: string): Document {
  const doc = parseDocument(html, PARSER_OPTIONS);
  if (html.includes("<iframe")) restoreSwallowedMarkup(doc);
  flattenBeyond(doc, MAX_DEPTH);
  return doc;
}

/**
 * An iframe's content is never rendered, so markup found in it as text is page content that an
 * unclosed `<iframe>` swallowed. It is parsed and put back after the iframe, outside any `<head>` or
 * `<noscript>` that held the iframe, since the swallowed content is the page's body.
 */
function restoreSwallowedMarkup(doc: Document): void {
  const swallowing = DomUtils.findAll(
    (el) => el.name === "iframe" && el.children.some((c) => c.type === "text" && c.data.includes("<")),
    doc,
  );
  for (const iframe of swallowing) {
    const markup = iframe.children.map((c) => (c.type === "text" ? c.data : "")).join("");
    iframe.children = [];
    let anchor: ChildNode = outermostHeadOrNoscript(iframe) ?? iframe;
    for (const node of parseHtml(markup).children) {
      DomUtils.append(anchor, node);
      anchor = node;
    }
  }
}

function outermostHeadOrNoscript(el: Element): Element | null {
  let found: Element | null = null;
  for (let p = el.parent; p && isTag(p); p = p.parent) {
    if (p.name === "head" || p.name === "noscript") found = p;
  }
  return found;
}

function flattenBeyond(root: Document, maxDepth: number): void {
  const stack: Array<{ node: ChildNode; depth: number }> = root.children.map((node) => ({ node, depth: 1 }));
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!hasChildren(node)) continue;
    if (depth >= maxDepth) {
      flattenInto(node);
      continue;
    }
    for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
  }
}

/** Replaces an element's subtree by its leaves (text, `<br>`) in document order, without recursion. */
function flattenInto(parent: ParentNode): void {
  const leaves: ChildNode[] = [];
  const pending: ChildNode[] = [...parent.children].reverse();
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (hasChildren(node) && node.children.length > 0) {
      for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
    } else if (node.type === "text" || (isTag(node) && node.name === "br")) {
      leaves.push(node);
    }
  }
  adoptChildren(parent, leaves);
}

/** Makes `children` the children of `parent`, fixing the parent and sibling links that selectors use. */
export function adoptChildren(parent: ParentNode, children: ChildNode[]): void {
  parent.children = children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    child.parent = parent;
    child.prev = children[i - 1] ?? null;
    child.next = children[i + 1] ?? null;
  }
}
