/** Reads, validates and cross-checks the knowledge base directory. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { withExpressions } from "./expressions.js";
import {
  AgenciesFileSchema,
  type Agency,
  type ClauseType,
  ClauseTypeFileSchema,
  ExpressionsFileSchema,
  type Regulation,
  RegulationsFileSchema,
  SectorsFileSchema,
} from "./schema.js";
import { TaxonomyError } from "./taxonomy-error.js";
import { CLAUSE_GROUPS } from "./vocabulary.js";

/** The whole knowledge base, validated. Treat it as read-only: it is cached and shared. */
export interface Taxonomy {
  /** In the order of clause-type-ids.tsv. */
  types: ClauseType[];
  byId: Map<string, ClauseType>;
  regulations: Map<string, Regulation>;
  agencies: Map<string, Agency>;
}

const ID_LIST = "clause-type-ids.tsv";
const EXPRESSIONS = "expressions.json";
const cache = new Map<string, Taxonomy>();

let foundDir: string | undefined;

/** Finds the repository's knowledge/ folder by walking up from this module (works from src/ and dist/). */
export function knowledgeDir(): string {
  // Found once per process: every loader asks on every call, and the folder does not move under a running process.
  if (foundDir !== undefined) return foundDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "knowledge");
    if (existsSync(join(candidate, ID_LIST))) {
      foundDir = candidate;
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new TaxonomyError([`no knowledge/${ID_LIST} above ${fileURLToPath(import.meta.url)}`]);
    dir = parent;
  }
}

/**
 * A validation issue's path, with array indices replaced by the id of the record they point to when it has one:
 * `types[arbitration].subject.regex` rather than `types.40.subject.regex`.
 */
function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  let node = raw;
  let out = "";
  for (const key of path) {
    const child =
      node !== null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const id = child !== null && typeof child === "object" ? (child as { id?: unknown }).id : undefined;
    if (typeof key === "number") out += typeof id === "string" ? `[${id}]` : `[${key}]`;
    else out += `${out ? "." : ""}${String(key)}`;
    node = child;
  }
  return out;
}

/**
 * A knowledge file parsed and validated against `schema`, or null with its problems added to `problems`.
 * @param prepare applied to the parsed JSON before validation (named expressions put in place)
 */
export function readJson<S extends z.ZodType>(
  file: string,
  schema: S,
  problems: string[],
  prepare?: (raw: unknown) => unknown,
): z.infer<S> | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  if (prepare) raw = prepare(raw);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${file}: ${describePath(raw, issue.path)}: ${issue.message}`);
    return null;
  }
  return parsed.data;
}

/**
 * A loader of one knowledge file: `file` under `dir` (default: the repository's `knowledge/`), validated against
 * `schema`, made into its value by `build`, cached per directory.
 * @returns a function that throws TaxonomyError when the file is missing or invalid.
 */
export function knowledgeFileLoader<S extends z.ZodType, T>(
  file: string,
  schema: S,
  build: (data: z.infer<S>) => T,
): (dir?: string) => T {
  const loaded = new Map<string, T>();
  let shipped: T | undefined;
  return (dir) => {
    // The repository's own folder is asked for on every explanation: answered without resolving a path.
    if (dir === undefined && shipped !== undefined) return shipped;
    const root = resolve(dir ?? knowledgeDir());
    const cached = loaded.get(root);
    if (cached !== undefined) return cached;
    const problems: string[] = [];
    const data = readJson(join(root, file), schema, problems);
    if (data === null) throw new TaxonomyError(problems);
    const value = build(data);
    loaded.set(root, value);
    if (dir === undefined) shipped = value;
    return value;
  };
}

/** The registry of ids: rows of `id<TAB>group<TAB>name` after a header line. */
function readIdList(file: string, problems: string[]): { id: string; group: string }[] {
  if (!existsSync(file)) {
    problems.push(`${file}: missing`);
    return [];
  }
  const rows = readFileSync(file, "utf8")
    .split("\n")
    .slice(1)
    .filter((line) => line.trim() !== "");
  return rows.map((line) => {
    const [id = "", group = ""] = line.split("\t");
    return { id, group };
  });
}

function indexUnique<T extends { id: string }>(items: T[], file: string, problems: string[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(item.id)) problems.push(`${file}: duplicate id ${item.id}`);
    map.set(item.id, item);
  }
  return map;
}

/** The named expressions of `root`'s expressions.json, by id (empty, with the problem noted, when it is invalid). */
export function readExpressions(root: string, problems: string[]): Map<string, string> {
  const file = join(root, EXPRESSIONS);
  const named = indexUnique(
    readJson(file, ExpressionsFileSchema, problems)?.expressions ?? [],
    file,
    problems,
  );
  return new Map([...named].map(([id, expression]) => [id, expression.regex]));
}

/** Every id a record points to must exist, and the records must be exactly those of the id list. */
function crossCheck(
  taxonomy: Taxonomy,
  idList: { id: string; group: string }[],
  sectorIds: ReadonlySet<string>,
  problems: string[],
): void {
  const listed = new Map(idList.map((row) => [row.id, row.group]));
  for (const { id, group } of idList) {
    const type = taxonomy.byId.get(id);
    if (!type) problems.push(`${ID_LIST}: ${id} has no record`);
    else if (type.group !== group) problems.push(`${id}: group ${type.group} but ${ID_LIST} says ${group}`);
  }
  for (const type of taxonomy.types) {
    const where = `clause-types/${type.group}.json: ${type.id}`;
    if (!listed.has(type.id)) problems.push(`${where}: not in ${ID_LIST}`);
    for (const ref of type.compliance.regulations) {
      if (!taxonomy.regulations.has(ref.id)) problems.push(`${where}: unknown regulation ${ref.id}`);
    }
    for (const agency of type.compliance.agencies) {
      if (!taxonomy.agencies.has(agency)) problems.push(`${where}: unknown agency ${agency}`);
    }
    for (const action of type.explanation.whatYouCanDo) {
      if (typeof action === "string") continue;
      for (const sector of action.sectors)
        if (!sectorIds.has(sector)) problems.push(`${where}: action for unknown sector ${sector}`);
    }
    for (const implied of type.implies ?? []) {
      if (implied === type.id) problems.push(`${where}: implies itself`);
      else if (!taxonomy.byId.has(implied)) problems.push(`${where}: implies unknown type ${implied}`);
    }
    const patternIds = new Set<string>();
    for (const pattern of type.patterns) {
      if (patternIds.has(pattern.id)) problems.push(`${where}: duplicate pattern id ${pattern.id}`);
      patternIds.add(pattern.id);
    }
  }
  for (const agency of taxonomy.agencies.values()) {
    for (const regulation of agency.enforces) {
      if (!taxonomy.regulations.has(regulation))
        problems.push(`agencies.json: ${agency.id}: unknown regulation ${regulation}`);
    }
  }
}

/**
 * Loads the knowledge base from `dir` (default: the repository's `knowledge/`), validating every file
 * against its schema and every cross-reference. Synchronous and cached per directory.
 * @throws TaxonomyError listing every problem found, not only the first.
 */
export function loadTaxonomy(dir?: string): Taxonomy {
  const root = resolve(dir ?? knowledgeDir());
  const cached = cache.get(root);
  if (cached) return cached;

  const problems: string[] = [];
  const idList = readIdList(join(root, ID_LIST), problems);
  const regulationsFile = readJson(join(root, "regulations.json"), RegulationsFileSchema, problems);
  const agenciesFile = readJson(join(root, "agencies.json"), AgenciesFileSchema, problems);
  const sectorsFile = readJson(join(root, "sectors.json"), SectorsFileSchema, problems);
  const expressions = readExpressions(root, problems);
  const loaded: ClauseType[] = [];
  for (const group of CLAUSE_GROUPS) {
    const file = join(root, "clause-types", `${group}.json`);
    const parsed = readJson(file, ClauseTypeFileSchema, problems, (raw) =>
      withExpressions(raw, expressions, (path, reference) =>
        problems.push(`${file}: ${describePath(raw, path)}: unknown expression ${reference}`),
      ),
    );
    if (!parsed) continue;
    if (parsed.group !== group) problems.push(`${file}: declares group ${parsed.group}`);
    for (const type of parsed.types) {
      if (type.group !== group) problems.push(`${file}: ${type.id} has group ${type.group}`);
      loaded.push(type);
    }
  }

  const byId = indexUnique(loaded, "clause-types", problems);
  const order = new Map(idList.map((row, index) => [row.id, index]));
  const types = [...byId.values()].sort(
    (a, b) => (order.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.id) ?? Number.MAX_SAFE_INTEGER),
  );
  const taxonomy: Taxonomy = {
    types,
    byId,
    regulations: indexUnique(regulationsFile?.regulations ?? [], "regulations.json", problems),
    agencies: indexUnique(agenciesFile?.agencies ?? [], "agencies.json", problems),
  };
  if (regulationsFile && agenciesFile && sectorsFile) {
    crossCheck(taxonomy, idList, new Set(sectorsFile.sectors.map((s) => s.id)), problems);
  }
  if (problems.length > 0) throw new TaxonomyError(problems);
  cache.set(root, taxonomy);
  return taxonomy;
}
