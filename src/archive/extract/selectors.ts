import { compile, selectAll, selectOne } from "css-select";
import type { AnyNode, ChildNode, Document, Element } from "domhandler";
import { DomUtils } from "htmlparser2";
import type { RangeSelector } from "../../model/archive.js";
import { SelectorError } from "./errors.js";
import { boundaryAt, cloneRange, deleteRange, type Edge, isOrdered } from "./range-selector.js";

/** One entry of an OTA `select` or `remove` declaration. */
export type DeclaredSelector = string | RangeSelector;

type Query = ReturnType<typeof compile<AnyNode, Element>>;

/** A declared selector, compiled once so that a syntax error is reported before anything runs. */
type CompiledSelector =
  | { kind: "css"; source: string; query: Query }
  | { kind: "range"; source: string; start: Query; startEdge: Edge; end: Query; endEdge: Edge };

/**
 * Compiles a `select` or `remove` declaration (one selector or a list).
 * @throws {SelectorError} a CSS selector, or a range selector's anchor, is not valid CSS
 */
export function compileSelectors(declared: DeclaredSelector | DeclaredSelector[]): CompiledSelector[] {
  return (Array.isArray(declared) ? declared : [declared]).map((selector) => {
    if (typeof selector === "string") return { kind: "css", source: selector, query: compileCss(selector) };
    const source = JSON.stringify(selector);
    const start = selector.startBefore ?? selector.startAfter;
    const end = selector.endBefore ?? selector.endAfter;
    if (!start || !end)
      throw new SelectorError(source, new Error("a range needs a start and an end selector"));
    return {
      kind: "range",
      source,
      start: compileCss(start),
      startEdge: selector.startBefore ? "before" : "after",
      end: compileCss(end),
      endEdge: selector.endBefore ? "before" : "after",
    };
  });
}

function compileCss(selector: string): Query {
  try {
    return compile<AnyNode, Element>(selector);
  } catch (error) {
    throw new SelectorError(selector, error);
  }
}

/**
 * Removes what the selectors match, in place. As in Open Terms Archive, matched elements go first,
 * then ranges (computed on what is left). Selectors that match nothing are not worth a warning: removal
 * rules often target optional elements.
 */
export function removeSelected(doc: Document, selectors: CompiledSelector[]): void {
  for (const selector of selectors) {
    if (selector.kind === "css")
      for (const el of selectAll<AnyNode, Element>(selector.query, doc)) DomUtils.removeElement(el);
  }
  for (const selector of selectors) {
    if (selector.kind !== "range") continue;
    const range = resolveRange(doc, selector);
    if (range) deleteRange(doc, range.start, range.end);
  }
}

/**
 * The content the selectors designate, in declaration order then document order. An element inside an
 * element already selected is skipped, so nested matches do not repeat text. Each selector that matches
 * nothing adds a warning.
 */
export function selectContent(doc: Document, selectors: CompiledSelector[], warnings: string[]): ChildNode[] {
  const chosen = new Set<ChildNode>();
  const roots: ChildNode[] = [];
  for (const selector of selectors) {
    if (selector.kind === "css") {
      const matches = selectAll<AnyNode, Element>(selector.query, doc).filter(
        (el) => !hasAncestorIn(el, chosen),
      );
      if (matches.length === 0) warnings.push(`select "${selector.source}" matched nothing`);
      for (const el of matches) chosen.add(el);
      roots.push(...matches);
      continue;
    }
    const range = resolveRange(doc, selector, warnings);
    if (range) roots.push(...cloneRange(doc, range.start, range.end));
  }
  return roots;
}

function hasAncestorIn(el: Element, set: Set<ChildNode>): boolean {
  for (let p = el.parent; p; p = p.parent) if (set.has(p as ChildNode)) return true;
  return false;
}

function resolveRange(
  doc: Document,
  selector: Extract<CompiledSelector, { kind: "range" }>,
  warnings?: string[],
): { start: number[]; end: number[] } | null {
  const startEl = selectOne<AnyNode, Element>(selector.start, doc);
  const endEl = selectOne<AnyNode, Element>(selector.end, doc);
  if (!startEl || !endEl) {
    warnings?.push(`range ${selector.source}: its ${startEl ? "end" : "start"} matches nothing`);
    return null;
  }
  const start = boundaryAt(startEl, selector.startEdge);
  const end = boundaryAt(endEl, selector.endEdge);
  if (!isOrdered(start, end)) {
    warnings?.push(`range ${selector.source}: its end comes before its start`);
    return null;
  }
  return { start, end };
}
