/** The segmentation stage: a version's Markdown → provisions with heading paths, exact offsets and stable keys. */
import type { Provision } from "../../model/index.js";
import { parseBlocks } from "./block-tree.js";
import { assignProvisionKeys } from "./provision-key.js";
import { walkBlocks } from "./walk-blocks.js";

/**
 * Splits a version's Markdown into provisions: paragraphs, list items (nested items are their own
 * provisions, with the parent item's text as `context`) and table data rows (the header row is `context`,
 * never a provision). Headings are Markdown `#` and setext headings plus emphasis-only title lines; they
 * form each provision's `headingPath`, outermost first. Blocks made only of links or images (menus, tables
 * of contents) are skipped, and blocks longer than `MAX_PROVISION_CHARS` are cut into sentence groups.
 *
 * Guarantees: `text.slice(p.start, p.end) === p.text` with no surrounding whitespace or list marker;
 * provisions are in document order and do not overlap; the work is linear in the length of the text.
 * Keys are described in provision-key.ts.
 */
export function segment(text: string): Provision[] {
  if (text.trim() === "") return [];
  const provisions = walkBlocks(text, parseBlocks(text)).map((range, index) => {
    // The key is filled in below, once every provision's text is known (its place keeps the properties' order).
    const provision: Provision = {
      index,
      key: "",
      headingPath: range.headingPath,
      start: range.start,
      end: range.end,
      text: text.slice(range.start, range.end),
    };
    if (range.context !== undefined) provision.context = range.context;
    return provision;
  });
  const keys = assignProvisionKeys(provisions);
  for (let i = 0; i < provisions.length; i++) provisions[i]!.key = keys[i]!;
  return provisions;
}
