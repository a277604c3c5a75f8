/**
 * Checks the hand-labelled provisions of `labels/` against `labels/GUIDELINES.md`: every line is valid JSON with
 * known clause types, its severity agrees with its types and polarity, no held-out platform appears, and (when the
 * shared corpus is at hand) its text is an exact substring of the version it cites.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { TrainingDataError } from "./errors.js";
import { REVIEWS_FILE, readClauseTypeIds, SEVERITIES } from "./training-data.js";

/** One problem found in a label file, with where it is. */
export interface LabelProblem {
  file: string;
  line: number;
  message: string;
}

/** What {@link checkLabels} needs besides the labels folder. */
export interface LabelCheckOptions {
  /** Clause type ids a line may use. */
  knownTypes: ReadonlySet<string>;
  /** Platforms that must never appear (compared case-insensitively). */
  heldOutPlatforms: readonly string[];
  /** The OTA contrib versions folder; when absent or missing on disk, texts are not looked up. */
  corpusDir?: string;
  /** Source files of lines that are not OTA versions, by platform (e.g. the seed documents). */
  otherSources?: Readonly<Record<string, string>>;
}

/** Counts and problems of a labels folder. */
export interface LabelCheckReport {
  lines: number;
  /** Lines whose text was looked up in its source file. */
  textsChecked: number;
  problems: LabelProblem[];
}

const Severity = z.enum(SEVERITIES);
const LabelRecord = z.object({
  platform: z.string().min(1),
  document: z.string().min(1),
  versionDate: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
  text: z.string().min(1),
  types: z.array(z.string()),
  polarity: z.enum(["protective", "neutral", "concerning"]),
  severity: Severity.nullable(),
  typeSeverities: z.record(z.string(), Severity).optional(),
});
type LabelRecord = z.infer<typeof LabelRecord>;

const RANK: Record<z.infer<typeof Severity>, number> = { low: 1, medium: 2, high: 3 };

/** The source file a label line cites: `<corpus>/<platform>/<document>/<versionDate, ":" → "-">.md`. */
export function versionFile(
  corpusDir: string,
  r: Pick<LabelRecord, "platform" | "document" | "versionDate">,
) {
  return join(corpusDir, r.platform, r.document, `${r.versionDate.replaceAll(":", "-")}.md`);
}

/** Problems of one parsed line's severity against its types and polarity (GUIDELINES.md, "Line format"). */
export function severityProblems(r: LabelRecord): string[] {
  const out: string[] = [];
  if (r.types.length === 0) {
    if (r.severity !== null) out.push("a line without types has severity null");
    if (r.typeSeverities) out.push("a line without types has no typeSeverities");
    return out;
  }
  if (r.severity === null) return ["a line with types needs a severity"];
  if (new Set(r.types).size !== r.types.length) out.push("a type is listed twice");
  if (r.polarity === "protective" && r.severity !== "low") out.push("protective findings are low");
  if (r.typeSeverities) {
    const keys = Object.keys(r.typeSeverities);
    const stray = keys.filter((k) => !r.types.includes(k));
    if (stray.length > 0) out.push(`typeSeverities names types the line does not have: ${stray.join(", ")}`);
    const top = Math.max(...Object.values(r.typeSeverities).map((s) => RANK[s]));
    if (top !== RANK[r.severity]) out.push("severity must be the most severe of typeSeverities");
  }
  return out;
}

/**
 * Ids of this round's taxonomy additions (notes/taxonomy-decision.md): labels may use them before the branch
 * that adds their knowledge records is merged; once `clause-type-ids.tsv` lists them this adds nothing.
 */
const ROUND_11_TYPE_IDS = ["biometric-data", "session-replay", "claim-time-limit"];

/** Clause type ids a label line may use: those of `clause-type-ids.tsv` and this round's additions. */
export function labelTypeIds(clauseTypeIdsFile: string): Set<string> {
  return new Set([...readClauseTypeIds(clauseTypeIdsFile), ...ROUND_11_TYPE_IDS]);
}

/** The non-blank lines of a list file, trimmed; `#` starts a comment line. */
function listLines(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

/** Platform names of a held-out list file: one a line, `#` starts a comment line. */
export function readHeldOutPlatforms(file: string): string[] {
  return listLines(file);
}

/**
 * A document of a reading set that is kept out of training by document rather than by platform (the development
 * set `bench/findings-dev/`, the fresh set `bench/findings-fresh/`): no label may be taken from it.
 */
export interface ReadingSetDocument {
  /** File name in the set's `documents/`, without `.md`. */
  name: string;
  platform: string;
  document: string;
  /** The version that was copied, as in the corpus manifest. */
  versionDate: string;
}

/** The lists, in `labels/`, of the documents of those sets, one list per set. */
export const READING_SET_DOCUMENT_LISTS = {
  dev: "dev-set-documents.tsv",
  fresh: "fresh-set-documents.tsv",
  study: "study-set-documents.tsv",
} as const;

/**
 * Reads one such list (`labels/dev-set-documents.tsv`, `labels/fresh-set-documents.tsv`, `labels/study-set-documents.tsv`): `name`, `platform`,
 * `document`, `versionDate` separated by tabs, one document a line, `#` starts a comment line.
 * @throws TrainingDataError when a line does not have the four fields
 */
export function readReadingSetDocuments(file: string): ReadingSetDocument[] {
  return listLines(file).map((line) => {
    const [name, platform, document, versionDate, ...rest] = line.split("\t").map((f) => f.trim());
    if (!name || !platform || !document || !versionDate || rest.length > 0)
      throw new TrainingDataError(`expected name, platform, document, versionDate in "${line}"`, file);
    return { name, platform, document, versionDate };
  });
}

/** Every document of every reading set's list in `labelsDir`: the documents no label may be taken from. */
export function readKeptOutDocuments(labelsDir: string): ReadingSetDocument[] {
  return Object.values(READING_SET_DOCUMENT_LISTS).flatMap((file) =>
    readReadingSetDocuments(join(labelsDir, file)),
  );
}

/** Checks every `*.jsonl` of a labels folder (reviewers' exports excepted: they follow the review format). */
export function checkLabels(dir: string, options: LabelCheckOptions): LabelCheckReport {
  const heldOut = new Set(options.heldOutPlatforms.map((p) => p.toLowerCase()));
  const corpus = options.corpusDir && existsSync(options.corpusDir) ? options.corpusDir : undefined;
  const sources = new Map<string, string | null>();
  const readSource = (file: string): string | null => {
    if (!sources.has(file)) sources.set(file, existsSync(file) ? readFileSync(file, "utf8") : null);
    return sources.get(file) ?? null;
  };
  const report: LabelCheckReport = { lines: 0, textsChecked: 0, problems: [] };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl") && f !== REVIEWS_FILE)
    .sort();
  for (const file of files) {
    readFileSync(join(dir, file), "utf8")
      .split("\n")
      .forEach((raw, i) => {
        if (raw.trim() === "") return;
        report.lines++;
        const problem = (message: string): void => {
          report.problems.push({ file, line: i + 1, message });
        };
        let r: LabelRecord;
        try {
          r = LabelRecord.parse(JSON.parse(raw));
        } catch (error) {
          problem(`not a valid label line: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
        const unknown = r.types.filter((t) => !options.knownTypes.has(t));
        if (unknown.length > 0) problem(`unknown clause type ${unknown.join(", ")}`);
        if (heldOut.has(r.platform.toLowerCase())) problem(`held-out platform ${r.platform}`);
        for (const message of severityProblems(r)) problem(message);
        if (r.text !== r.text.trim()) problem("text is not trimmed");
        // Without the shared data (e.g. on a fresh clone) the texts cannot be looked up: the rest still holds.
        const other = options.otherSources?.[r.platform];
        const sourceFile = other ? (existsSync(other) ? other : undefined) : corpus && versionFile(corpus, r);
        if (!sourceFile) return;
        const source = readSource(sourceFile);
        report.textsChecked++;
        if (source === null) problem(`source file not found: ${sourceFile}`);
        else if (!source.includes(r.text)) problem(`text not found verbatim in ${sourceFile}`);
      });
  }
  return report;
}
