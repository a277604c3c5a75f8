/** `clausewatch review`: reviewers confirm, reject, relabel or add clause types; `review export` feeds training. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { REVIEWS_FILE } from "../../analysis/classify/training-data.js";
import { parseRecordId } from "../../citations/index.js";
import { loadTaxonomy } from "../../knowledge/index.js";
import type { Polarity, ReviewVerdict } from "../../model/index.js";
import { InvalidReviewError, reviewLabels, reviewProvision } from "../../review/index.js";
import { CliError, withContext } from "../context.js";

const POLARITIES: readonly Polarity[] = ["protective", "neutral", "concerning"];

/** A provision id, given as a number or as its record ID (CW-P-n). */
function provisionId(value: string): number {
  const ref = parseRecordId(value);
  if (ref?.kind === "provision") return ref.id;
  if (/^[1-9]\d*$/.test(value)) return Number(value);
  throw new CliError(`not a provision id: ${value} (a number or CW-P-<n>)`);
}

interface ReviewOptions {
  confirm?: string;
  reject?: string;
  relabel?: string;
  add?: string;
  polarity?: string;
  reviewer?: string;
  note?: string;
  json?: boolean;
}

/** The one verdict option given, as verdict, type and replacing type. */
function verdictOf(opts: ReviewOptions): {
  verdict: ReviewVerdict;
  clauseType: string;
  newType: string | null;
} {
  const given = (["confirm", "reject", "relabel", "add"] as const).filter((v) => opts[v] !== undefined);
  if (given.length !== 1)
    throw new CliError(
      "give exactly one of --confirm <type>, --reject <type>, --relabel <type>=<new type>, --add <type>",
    );
  const verdict = given[0]!;
  const value = opts[verdict]!;
  if (verdict !== "relabel") return { verdict, clauseType: value, newType: null };
  const [from, to] = value.split("=");
  if (!from || !to) throw new CliError(`--relabel takes <type>=<new type>, not ${value}`);
  return { verdict, clauseType: from, newType: to };
}

export function registerReviewCommands(program: Command): void {
  const review = program
    .command("review")
    .description("record a reviewer's verdict on a provision's clause type (review export: training labels)")
    .argument("[provision]", "provision id or record ID (CW-P-n)")
    .option("--confirm <type>", "the clause type is right")
    .option("--reject <type>", "the clause type is wrong")
    .option("--relabel <type=new>", "the clause type should be another one")
    .option("--add <type>", "a clause type the classifier missed")
    .option("--polarity <polarity>", "the provision's polarity: protective, neutral or concerning")
    .option("--reviewer <name>", "who reviews (default: $USER)")
    .option("--note <text>", "why")
    .option("--json", "print JSON")
    .action(async (provision: string | undefined, opts: ReviewOptions) => {
      if (!provision) throw new CliError("name the provision to review (or run: clausewatch review export)");
      const id = provisionId(provision);
      const { verdict, clauseType, newType } = verdictOf(opts);
      const polarity = opts.polarity === undefined ? null : opts.polarity;
      if (polarity !== null && !(POLARITIES as readonly string[]).includes(polarity))
        throw new CliError(`invalid --polarity: ${polarity} (one of ${POLARITIES.join(", ")})`);
      const known = new Set(loadTaxonomy().types.map((t) => t.id));
      await withContext(async ({ store }) => {
        try {
          const saved = await reviewProvision(
            store,
            {
              provisionId: id,
              verdict,
              clauseType,
              newType,
              polarity: polarity as Polarity | null,
              reviewer: opts.reviewer ?? process.env.USER ?? "",
              note: opts.note ?? null,
            },
            known,
          );
          console.log(
            opts.json
              ? JSON.stringify(saved, null, 2)
              : `review #${saved.id}: ${verdict} ${clauseType}${newType ? ` → ${newType}` : ""} on CW-P-${id}, ` +
                  `applied to ${saved.appliedTo.length} version${saved.appliedTo.length === 1 ? "" : "s"}`,
          );
        } catch (error) {
          if (error instanceof InvalidReviewError) throw new CliError(error.message);
          throw error;
        }
      });
    });

  review
    .command("export")
    .description(
      `write the reviewed provisions as training labels (default: labels/${REVIEWS_FILE}, read last by training)`,
    )
    .option("--out <file>", "where to write", join("labels", REVIEWS_FILE))
    .action(async (opts: { out: string }) => {
      await withContext(async ({ store }) => {
        const labels = await reviewLabels(store);
        writeFileSync(opts.out, labels.map((l) => `${JSON.stringify(l)}\n`).join(""));
        console.log(`${labels.length} reviewed provisions written to ${opts.out}`);
      });
    });
}
