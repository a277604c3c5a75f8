/**
 * Named expressions (knowledge/expressions.json): an expression field of a clause-type file (`regex`, `requires`,
 * `excludes`, `leadInRequires`) that reads `"@id"` stands for the expression of that id, put in place before the file
 * is validated, so every record still holds its own expression once loaded.
 */

/** The fields that may refer to a named expression. */
const EXPRESSION_FIELDS: ReadonlySet<string> = new Set(["regex", "requires", "excludes", "leadInRequires"]);

const REFERENCE = /^@([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/**
 * `raw` (a clause-type file as parsed JSON) with every `"@id"` in an expression field replaced by the named
 * expression; a reference to an unknown name is left as it is and passed to `unknown` with its path in `raw`.
 */
export function withExpressions(
  raw: unknown,
  expressions: ReadonlyMap<string, string>,
  unknown: (path: readonly PropertyKey[], reference: string) => void,
): unknown {
  const visit = (node: unknown, path: readonly PropertyKey[]): unknown => {
    if (Array.isArray(node)) return node.map((item, i) => visit(item, [...path, i]));
    if (node === null || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      const reference =
        typeof value === "string" && EXPRESSION_FIELDS.has(key) ? REFERENCE.exec(value) : null;
      if (!reference) {
        out[key] = visit(value, [...path, key]);
        continue;
      }
      const expression = expressions.get(reference[1]!);
      if (expression === undefined) unknown([...path, key], value);
      out[key] = expression ?? value;
    }
    return out;
  };
  return visit(raw, []);
}
