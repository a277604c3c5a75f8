import { type AnyNode, type ChildNode, type Element, hasChildren, type ParentNode } from "domhandler";
import { adoptChildren } from "./dom-tree.js";

/**
 * A position between two nodes, as the chain of child indexes from the document down to the
 * container, ending with the offset inside it (DOM Range boundary semantics).
 */
type Boundary = number[];

/** Where a range starts or ends relative to the element its selector matched. */
export type Edge = "before" | "after";

/** Boundary just before or just after `el`. */
export function boundaryAt(el: Element, edge: Edge): Boundary {
  const path: number[] = [];
  let node: AnyNode = el;
  while (node.parent) {
    path.push(node.parent.children.indexOf(node as ChildNode));
    node = node.parent;
  }
  path.reverse();
  if (edge === "after") path[path.length - 1]! += 1;
  return path;
}

/** True when `start` is strictly before `end` in document order, i.e. the range holds something. */
export function isOrdered(start: Boundary, end: Boundary): boolean {
  for (let i = 0; i < Math.min(start.length, end.length); i++) {
    if (start[i] !== end[i]) return start[i]! < end[i]!;
  }
  // Same container chain: a boundary in the container itself lies before any boundary inside its children.
  return start.length < end.length;
}

/** Deep copies of everything between the boundaries; partly covered elements are copied with only the covered part (like `Range.cloneContents`). */
export function cloneRange(root: ParentNode, start: Boundary, end: Boundary): ChildNode[] {
  const out: ChildNode[] = [];
  visitRange(root, start, end, {
    whole: (child) => out.push(child.cloneNode(true)),
    partial: (child, innerStart, innerEnd) => {
      const copy = child.cloneNode(false);
      adoptChildren(copy, cloneRange(child, innerStart, innerEnd));
      out.push(copy);
    },
  });
  return out;
}

/** Removes everything between the boundaries, keeping the uncovered part of partly covered elements (like `Range.deleteContents`). */
export function deleteRange(root: ParentNode, start: Boundary, end: Boundary): void {
  const removed = new Set<ChildNode>();
  visitRange(root, start, end, {
    whole: (child) => removed.add(child),
    partial: (child, innerStart, innerEnd) => deleteRange(child, innerStart, innerEnd),
  });
  if (removed.size > 0)
    adoptChildren(
      root,
      root.children.filter((c) => !removed.has(c)),
    );
}

interface RangeVisitor {
  whole(child: ChildNode): void;
  partial(child: ParentNode & ChildNode, start: Boundary, end: Boundary): void;
}

/**
 * Calls the visitor for each child of `parent` that the range covers. Boundaries are relative to
 * `parent`; an empty array means "from the first child" (start) or "to the last child" (end).
 */
function visitRange(parent: ParentNode, start: Boundary, end: Boundary, visitor: RangeVisitor): void {
  const children = parent.children;
  const first = start[0] ?? 0;
  const last = end[0] ?? children.length;
  for (let i = first; i <= last && i < children.length; i++) {
    const child = children[i]!;
    const startsInside = i === first && start.length > 1;
    const endsInside = i === last && end.length > 1;
    if (i === last && end.length === 1) break; // the end boundary sits right before this child
    if ((startsInside || endsInside) && hasChildren(child)) {
      visitor.partial(
        child as ParentNode & ChildNode,
        startsInside ? start.slice(1) : [],
        endsInside ? end.slice(1) : [],
      );
    } else {
      visitor.whole(child);
    }
  }
}
