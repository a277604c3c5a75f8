/**
 * The taxonomy as the pages need it: names, explanations and compliance of clause types. It prefers the
 * validated knowledge base; if that does not load (a group file missing or invalid while it is being
 * written), it keeps serving with whatever group files do validate, and says so once on stderr, because a
 * reader is better served by pages with fewer explanations than by no pages at all.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fillTemplate } from "../analysis/explain/index.js";
import { withExpressions } from "../knowledge/expressions.js";
import { type Agency, type ClauseType, loadTaxonomy, type Regulation } from "../knowledge/index.js";
import { readExpressions } from "../knowledge/load-taxonomy.js";
import { AgenciesFileSchema, ClauseTypeFileSchema, RegulationsFileSchema } from "../knowledge/schema.js";

/** What the server knows about clause types. */
export interface Knowledge {
  types: readonly ClauseType[];
  byId: ReadonlyMap<string, ClauseType>;
  regulations: ReadonlyMap<string, Regulation>;
  agencies: ReadonlyMap<string, Agency>;
  /** False when the knowledge base did not fully validate and a partial one is served. */
  complete: boolean;
}

function knowledgeDir(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "knowledge");
    if (existsSync(join(candidate, "clause-types"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function readValid<T>(file: string, parse: (raw: unknown) => T | null): T | null {
  try {
    return parse(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return null;
  }
}

/**
 * Every group file, regulation and agency of the knowledge folder `dir` (default: the repository's) that validates
 * on its own, with its named expressions put in place.
 */
export function loadPartial(dir: string | null = knowledgeDir()): Knowledge {
  const types: ClauseType[] = [];
  const regulations = new Map<string, Regulation>();
  const agencies = new Map<string, Agency>();
  if (dir) {
    const groups = join(dir, "clause-types");
    const expressions = readExpressions(dir, []);
    for (const file of readdirSync(groups)
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      const parsed = readValid(join(groups, file), (raw) => {
        let complete = true;
        const resolved = withExpressions(raw, expressions, () => {
          complete = false;
        });
        return complete ? (ClauseTypeFileSchema.safeParse(resolved).data ?? null) : null;
      });
      if (parsed) types.push(...parsed.types);
    }
    const regs = readValid(
      join(dir, "regulations.json"),
      (raw) => RegulationsFileSchema.safeParse(raw).data ?? null,
    );
    for (const r of regs?.regulations ?? []) regulations.set(r.id, r);
    const ags = readValid(
      join(dir, "agencies.json"),
      (raw) => AgenciesFileSchema.safeParse(raw).data ?? null,
    );
    for (const a of ags?.agencies ?? []) agencies.set(a.id, a);
  }
  return { types, byId: new Map(types.map((t) => [t.id, t])), regulations, agencies, complete: false };
}

let cached: Knowledge | undefined;

/** The knowledge base (loaded once). */
export function loadKnowledge(): Knowledge {
  if (cached) return cached;
  try {
    const taxonomy = loadTaxonomy();
    cached = { ...taxonomy, complete: true };
  } catch (error) {
    const first = error instanceof Error ? error.message.split("\n").slice(0, 3).join(" ") : String(error);
    console.warn(`clausewatch: knowledge base incomplete, serving the valid parts (${first})`);
    cached = loadPartial();
  }
  return cached;
}

/** A readable name for a clause type id, even one the knowledge base no longer has. */
export function clauseTypeName(knowledge: Knowledge, id: string): string {
  const type = knowledge.byId.get(id);
  if (type) return type.name;
  const words = id.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Specifics substituted into explanation texts. */
export interface ExplanationFacts {
  platform: string;
  /** The privacy contact found in the document (an e-mail address), if any. */
  contact: string | null;
}

/**
 * An explanation text written for a named platform in the default sector's words (the report page's findings);
 * `explanationTexts` of the analysis module is the whole of it, with the platform's sector.
 */
export function fillPlaceholders(text: string, facts: ExplanationFacts): string {
  return fillTemplate(text, { platformName: facts.platform, contact: facts.contact });
}
