/**
 * Open Terms Archive service declarations, read as they are:
 * `{ "name", "terms": { "<Terms Type>": { "fetch", "select", "remove", "filter", "executeClientScripts" } | { "combine": [ … ] } } }`.
 */
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { z } from "zod";
import type { SourceDocumentDeclaration } from "../../model/index.js";
import { DeclarationError } from "./errors.js";
import { normalizeTermsType } from "./terms-types.js";

export { DeclarationError } from "./errors.js";
export { normalizeTermsType, TERMS_TYPES, UnknownTermsTypeError } from "./terms-types.js";

const rangeSelector = z
  .object({
    startBefore: z.string().optional(),
    startAfter: z.string().optional(),
    endBefore: z.string().optional(),
    endAfter: z.string().optional(),
  })
  .strict();
const selectors = z.union([z.string(), rangeSelector, z.array(z.union([z.string(), rangeSelector]))]);
const sourceFields = {
  select: selectors.optional(),
  remove: selectors.optional(),
  filter: z.array(z.string()).optional(),
  executeClientScripts: z.boolean().optional(),
};
const source = z.object({ fetch: z.string().min(1), ...sourceFields });
const terms = z.union([
  source,
  z.object({ combine: z.array(source.partial({ fetch: true })).min(1), ...sourceFields }),
]);
const declarationSchema = z.object({
  name: z.string().min(1),
  terms: z.record(z.string(), terms),
});

/** One document of a declaration, with its terms type normalised. */
export interface DeclaredDocument {
  termsType: string;
  sources: SourceDocumentDeclaration[];
}

/** A service declaration as read from one file. */
export interface ServiceDeclaration {
  /** Service id: the file name without `.json`, as OTA uses it. */
  id: string;
  name: string;
  file: string;
  documents: DeclaredDocument[];
}

function compact(s: SourceDocumentDeclaration): SourceDocumentDeclaration {
  const out: SourceDocumentDeclaration = { fetch: s.fetch };
  if (s.select !== undefined) out.select = s.select;
  if (s.remove !== undefined) out.remove = s.remove;
  if (s.filter !== undefined) out.filter = s.filter;
  if (s.executeClientScripts !== undefined) out.executeClientScripts = s.executeClientScripts;
  return out;
}

/** Parses one declaration; throws `DeclarationError` naming the file and the problem. */
export function parseDeclaration(file: string, json: string): ServiceDeclaration {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new DeclarationError(file, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = declarationSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DeclarationError(
      file,
      `${issue?.path.join(".") || "declaration"}: ${issue?.message ?? "invalid"}`,
    );
  }
  const documents: DeclaredDocument[] = [];
  for (const [typeName, declared] of Object.entries(parsed.data.terms)) {
    let termsType: string;
    try {
      termsType = normalizeTermsType(typeName);
    } catch (error) {
      throw new DeclarationError(file, (error as Error).message);
    }
    if ("combine" in declared) {
      const { combine, ...shared } = declared;
      const sources = combine.map((part, i) => {
        // In OTA, fields set beside `combine` apply to every combined page unless the page overrides them.
        const merged = { ...shared, ...part };
        if (!merged.fetch) throw new DeclarationError(file, `terms.${typeName}.combine.${i}: missing fetch`);
        return compact({ ...merged, fetch: merged.fetch });
      });
      documents.push({ termsType, sources });
    } else {
      documents.push({ termsType, sources: [compact(declared)] });
    }
  }
  return { id: basename(file).replace(/\.json$/, ""), name: parsed.data.name, file, documents };
}

/** Reads every `*.json` declaration of a folder (history and filter files are not declarations). */
export async function readDeclarations(dir: string): Promise<ServiceDeclaration[]> {
  const names = (await readdir(dir))
    .filter((n) => n.endsWith(".json") && !n.endsWith(".history.json"))
    .sort();
  const out: ServiceDeclaration[] = [];
  for (const name of names) {
    const file = join(dir, name);
    out.push(parseDeclaration(file, await readFile(file, "utf8")));
  }
  return out;
}
