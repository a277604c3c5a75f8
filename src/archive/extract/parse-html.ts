import {
  type ChildNode,
  type Document,
  type Element,
  hasChildren,
  isTag,
  isText,
  type ParentNode,
} from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
import { adoptChildren } from "./dom-tree.js";

const PARSER_OPTIONS = {
  decodeEntities: true,
  lowerCaseTags: true,
  lowerCaseAttributeNames: true,
  // `<iframe … />` must close the element: read as an open raw-text iframe (the HTML5 rule), it turns
  // the rest of the page into one text node (Brevo puts one inside a <noscript> in its <head>).
  recognizeSelfClosing: true,
} as const;

/** Deeper elements are flattened, so that recursive passes over the tree stay far from the stack limit. */
const MAX_DEPTH = 200;

/**
 * Parses HTML forgivingly: never throws, whatever the input. Two repairs follow the parse: an unclosed
 * `<iframe>` that swallowed the page as text is re-parsed, and nesting beyond {@link MAX_DEPTH} (runs of
 * unclosed tags) is flattened into the element at that depth, keeping its text and line breaks in order.
 */
export function parseHtml(html: string): Document {
  const doc = parseDocument(html, PARSER_OPTIONS);
  for (const iframe of repairDepth(doc)) restoreSwallowedMarkup(iframe);
  return doc;
}

/**
 * One walk over the tree, without recursion: flattens what lies beyond {@link MAX_DEPTH} and returns
 * the iframes that hold markup as text.
 */
function repairDepth(doc: Document): Element[] {
  const nodes: ChildNode[] = [...doc.children];
  const depths: number[] = nodes.map(() => 1);
  const swallowing: Element[] = [];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (!hasChildren(node)) continue;
    if (depth >= MAX_DEPTH) {
      flattenInto(node);
      continue;
    }
    if (
      isTag(node) &&
      node.name === "iframe" &&
      node.children.some((c) => isText(c) && c.data.includes("<"))
    ) {
      swallowing.push(node);
    }
    for (const child of node.children) {
      nodes.push(child);
      depths.push(depth + 1);
    }
  }
  return swallowing;
}

/**
 * An iframe's content is never rendered, so markup found in it as text is page content that an
 * unclosed `<iframe>` swallowed. It is parsed and put back after the iframe, outside any `<head>` or
 * `<noscript>` that held the iframe, since the swallowed content is the page's body.
 */
function restoreSwallowedMarkup(iframe: Element): void {
  const markup = iframe.children.map((c) => (isText(c) ? c.data : "")).join("");
  iframe.children = [];
  let anchor: ChildNode = outermostHeadOrNoscript(iframe) ?? iframe;
  for (const node of parseHtml(markup).children) {
    DomUtils.append(anchor, node);
    anchor = node;
  }
}

function outermostHeadOrNoscript(el: Element): Element | null {
  let found: Element | null = null;
  for (let p = el.parent; p && isTag(p); p = p.parent) {
    if (p.name === "head" || p.name === "noscript") found = p;
  }
  return found;
}

/** Replaces an element's subtree by its leaves (text, `<br>`) in document order, without recursion. */
function flattenInto(parent: ParentNode): void {
  const leaves: ChildNode[] = [];
  const pending: ChildNode[] = [...parent.children].reverse();
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (hasChildren(node) && node.children.length > 0) {
      for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
    } else if (isText(node) || (isTag(node) && node.name === "br")) {
      leaves.push(node);
    }
  }
  adoptChildren(parent, leaves);
}
