import { type ChildNode, type Element, isTag } from "domhandler";
import { DomUtils } from "htmlparser2";

/**
 * A GitHub-flavoured Markdown table for a data table, or null for a layout table (one column, one row,
 * or tables nested in cells), whose cells read better as ordinary blocks. The first row is the header
 * row; `colspan` is padded with empty cells so that every row has the same number of columns.
 * `renderCell` gives each cell's Markdown on one line.
 */
export function renderTable(table: Element, renderCell: (cell: Element) => string): string | null {
  const rows = tableRows(table).map((tr) => tr.children.filter(isCell));
  const columns = Math.max(0, ...rows.map((cells) => cells.reduce((n, cell) => n + span(cell), 0)));
  if (rows.length < 2 || columns < 2) return null;
  if (rows.some((cells) => DomUtils.findOne((el) => el.name === "table", cells) !== null)) return null;

  const lines = rows.map((cells) => {
    const texts: string[] = [];
    for (const cell of cells) {
      texts.push(renderCell(cell).replace(/\|/g, "\\|"));
      for (let extra = span(cell); extra > 1; extra--) texts.push("");
    }
    while (texts.length < columns) texts.push("");
    return `| ${texts.join(" | ")} |`;
  });
  lines.splice(1, 0, `|${" --- |".repeat(columns)}`);
  return lines.join("\n");
}

function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isTag(child)) continue;
    if (child.name === "tr") rows.push(child);
    else if (child.name === "thead" || child.name === "tbody" || child.name === "tfoot") {
      for (const tr of child.children) if (isTag(tr) && tr.name === "tr") rows.push(tr);
    }
  }
  return rows;
}

function isCell(node: ChildNode): node is Element {
  return isTag(node) && (node.name === "td" || node.name === "th");
}

function span(cell: Element): number {
  const n = Number.parseInt(cell.attribs.colspan ?? "1", 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 50) : 1;
}
