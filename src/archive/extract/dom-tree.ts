import type { ChildNode, ParentNode } from "domhandler";

/**
 * Makes `children` the children of `parent`, fixing the parent and sibling links that CSS selectors
 * and DOM utilities follow. The one way this stage rewires the tree (flattening, pruning, ranges).
 */
export function adoptChildren(parent: ParentNode, children: ChildNode[]): void {
  parent.children = children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    child.parent = parent;
    child.prev = children[i - 1] ?? null;
    child.next = children[i + 1] ?? null;
  }
}
