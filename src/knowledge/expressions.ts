/**
 * Named expressions (knowledge/expressions.json): an expression field of a clause-type file (`regex`, `requires`,
 * `excludes`, `leadInRequires`) that reads `"@id"` stands for the expression of that id, put in place before the file
 * is validated, so every record still holds its own expression once loaded.
 */
import type { ExpressionsFileSchema } from "./schema.js";

/** The fields that may refer to a named expression. */
const EXPRESSION_FIELDS: ReadonlySet<string> = new Set(["regex", "requires", "excludes", "leadInRequires"]);

const REFERENCE = /^@([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** A record's id, to name it in a problem's path (`types[arbitration].polarityRules[3].regex`). */
function idOf(node: unknown): string | undefined {
  const id = node !== null && typeof node === "object" ? (node as { id?: unknown }).id : undefined;
  return typeof id === "string" ? id : undefined;
}

/** Expressions by id, from a parsed expressions file; a duplicate id is a problem. */
export function expressionsById(
  file: ReturnType<typeof ExpressionsFileSchema.parse>,
  where: string,
  problems: string[],
): Map<string, string> {
  const byId = new Map<string, string>();
  for (const { id, regex } of file.expressions) {
    if (byId.has(id)) problems.push(`${where}: duplicate expression id ${id}`);
    byId.set(id, regex);
  }
  return byId;
}

/**
 * `raw` (a clause-type file as parsed JSON) with every `"@id"` in an expression field replaced by the named
 * expression; an unknown name is reported in `problems` (with its path) and left as it is.
 */
export function withExpressions(
  raw: unknown,
  expressions: ReadonlyMap<string, string>,
  where: string,
  problems: string[],
): unknown {
  const visit = (node: unknown, path: string): unknown => {
    if (Array.isArray(node)) return node.map((item, i) => visit(item, `${path}[${idOf(item) ?? i}]`));
    if (node === null || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      const at = `${path}${path ? "." : ""}${key}`;
      const reference =
        typeof value === "string" && EXPRESSION_FIELDS.has(key) ? REFERENCE.exec(value) : null;
      if (!reference) {
        out[key] = visit(value, at);
        continue;
      }
      const expression = expressions.get(reference[1]!);
      if (expression === undefined) problems.push(`${where}: ${at}: unknown expression ${value}`);
      out[key] = expression ?? value;
    }
    return out;
  };
  return visit(raw, "");
}
