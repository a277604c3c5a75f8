/** Reads the words the statement reading uses to tell actors and limiting conditions apart. */
import { z } from "zod";
import { knowledgeFileLoader } from "./load-taxonomy.js";
import { regexError } from "./regex.js";

const Words = z.array(z.string().regex(/^[a-z-]+$/, "a lower-case word")).min(1);
const Phrase = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    const error = regexError(source, undefined);
    if (error) ctx.addIssue({ code: "custom", message: `does not compile: ${error}` });
  });

export const StatementCuesSchema = z.strictObject({
  note: z.string().min(1),
  /** Head words of a subject, per actor. */
  actors: z.strictObject({
    user: Words,
    partner: Words,
    institution: Words,
    authority: Words,
    platform: Words,
  }),
  /** Regular expressions (case-insensitive) of phrases that make a practice conditional. */
  conditions: z.array(Phrase).min(1),
});

/** The statement cues of the knowledge base. */
export type StatementCues = z.infer<typeof StatementCuesSchema>;

/**
 * Loads `statement-cues.json` from `dir` (default: the repository's `knowledge/`), validated and cached.
 * @throws TaxonomyError when the file is missing or invalid.
 */
export const loadStatementCues: (dir?: string) => StatementCues = knowledgeFileLoader(
  "statement-cues.json",
  StatementCuesSchema,
  (cues) => cues,
);
