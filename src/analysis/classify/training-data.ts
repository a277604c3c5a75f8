/** The shipped model's training data: our labelled provisions plus CLAUDETTE's terms-of-service sentences. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { CLAUDETTE_TAGS } from "../../knowledge/vocabulary.js";
import { CLAUDETTE_TYPE, type ClaudetteDocument, claudetteCategories } from "./claudette-corpus.js";
import { TrainingDataError } from "./errors.js";
import type { Example } from "./train-text-model.js";

/** A label's severity scale (READING.md): protective findings are low. */
export const SEVERITIES = ["high", "medium", "low"] as const;

const LabelLine = z.object({
  platform: z.string().min(1),
  document: z.string().min(1),
  versionDate: z.string(),
  text: z.string().min(1),
  types: z.array(z.string()),
  polarity: z.enum(["protective", "neutral", "concerning"]),
  // labels/GUIDELINES.md: the most severe of the line's types (null when it has none), optionally per type.
  severity: z.enum(SEVERITIES).nullable().optional(),
  typeSeverities: z.record(z.string(), z.enum(SEVERITIES)).optional(),
});

/**
 * One line of `labels/*.jsonl`: a provision, its clause types (empty = none), its polarity and, in lines labelled
 * by `labels/GUIDELINES.md`, its severity.
 */
export type LabelledProvision = z.infer<typeof LabelLine>;

/** Clause type ids of `knowledge/clause-type-ids.tsv`, in file order. */
export function readClauseTypeIds(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t")[0]?.trim() ?? "")
    .filter(Boolean);
}

/** Reviewers' corrections, as written by `clausewatch review export`: read last, they replace other labels. */
export const REVIEWS_FILE = "reviews.jsonl";

/**
 * Reads every `*.jsonl` of a labels folder, files in name order, then {@link REVIEWS_FILE}: a reviewed
 * provision replaces the lines of the same platform and text.
 * @param knownTypes when given, a line naming another type is an error
 * @throws TrainingDataError on a malformed line or an unknown type
 */
export function readLabels(dir: string, knownTypes?: ReadonlySet<string>): LabelledProvision[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl") && f !== REVIEWS_FILE)
    .sort();
  const labels = readLabelFiles(dir, files, knownTypes);
  if (!existsSync(join(dir, REVIEWS_FILE))) return labels;
  const reviewed = readLabelFiles(dir, [REVIEWS_FILE], knownTypes);
  const keyOf = (r: LabelledProvision): string => `${r.platform}\u0000${r.text}`;
  const replaced = new Set(reviewed.map(keyOf));
  return [...labels.filter((r) => !replaced.has(keyOf(r))), ...reviewed];
}

function readLabelFiles(
  dir: string,
  files: readonly string[],
  knownTypes?: ReadonlySet<string>,
): LabelledProvision[] {
  const out: LabelledProvision[] = [];
  for (const file of files) {
    readFileSync(join(dir, file), "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (line.trim() === "") return;
        const where = `${join(dir, file)}:${i + 1}`;
        let parsed: LabelledProvision;
        try {
          parsed = LabelLine.parse(JSON.parse(line));
        } catch (error) {
          throw new TrainingDataError(error instanceof Error ? error.message : String(error), where);
        }
        const unknown = knownTypes ? parsed.types.filter((t) => !knownTypes.has(t)) : [];
        if (unknown.length > 0)
          throw new TrainingDataError(`unknown clause type ${unknown.join(", ")}`, where);
        out.push(parsed);
      });
  }
  return out;
}

/**
 * Pseudo-labels that teach the model a provision's polarity alongside its types (neutral = neither). They back
 * the taxonomy's polarity rules and the negation detector when those say nothing.
 */
export const POLARITY_LABELS = {
  protective: "polarity:protective",
  concerning: "polarity:concerning",
} as const;

/** Our labels as training examples, grouped by platform so cross-validation never splits a platform. */
export function labelExamples(rows: readonly LabelledProvision[]): Example[] {
  return rows.map((r) => {
    const labels = [...new Set(r.types)];
    if (r.polarity !== "neutral") labels.push(POLARITY_LABELS[r.polarity]);
    return { text: r.text, labels, group: `platform:${r.platform}` };
  });
}

/** Clause types CLAUDETTE annotates: a CLAUDETTE sentence is evidence about these only. */
export const CLAUDETTE_KNOWN_TYPES: readonly string[] = CLAUDETTE_TAGS.map((t) => CLAUDETTE_TYPE[t]);

/**
 * CLAUDETTE sentences as training examples for the eight mapped types, at every level: a level-1 (fair)
 * jurisdiction clause is still a jurisdiction clause; fairness is the polarity's business.
 */
export function claudetteExamples(docs: readonly ClaudetteDocument[]): Example[] {
  const withPolarity = [...CLAUDETTE_KNOWN_TYPES, POLARITY_LABELS.protective, POLARITY_LABELS.concerning];
  return docs.flatMap((doc) =>
    doc.sentences.map((s) => {
      const labels = claudetteCategories(s.tags, [1, 2, 3]).map((c) => CLAUDETTE_TYPE[c]);
      if (labels.length === 0) {
        // An untagged sentence is no evidence about polarity: CLAUDETTE only tags the eight categories.
        return { text: s.text, labels, known: CLAUDETTE_KNOWN_TYPES, group: `claudette:${doc.name}` };
      }
      // Tagged: potentially or clearly unfair (levels 2–3) is concerning, the fair variant alone (level 1) protective.
      const unfair = claudetteCategories(s.tags, [2, 3]).length > 0;
      labels.push(unfair ? POLARITY_LABELS.concerning : POLARITY_LABELS.protective);
      return { text: s.text, labels, known: withPolarity, group: `claudette:${doc.name}` };
    }),
  );
}
