/** Analysis commands: analyze, taxonomy, eval. Thin shells over src/analysis and src/knowledge. */
import { resolve } from "node:path";
import type { Command } from "commander";
import { evalClaudette } from "../../analysis/eval/claudette.js";
import { evalOpp115 } from "../../analysis/eval/opp115.js";
import { analyzeText, type DocumentAnalysis } from "../../analysis/index.js";
import { extract } from "../../archive/extract/index.js";
import { fetchDocument } from "../../archive/fetch/index.js";
import { loadConfig } from "../../config.js";
import { loadTaxonomy } from "../../knowledge/index.js";
import type { Severity } from "../../model/index.js";
import { CliError } from "../context.js";

/** The JSON shape of `analyze --json` (provision ids are 1-based positions in the document). */
export function analysisToJson(analysis: DocumentAnalysis) {
  return {
    language: analysis.language,
    warnings: analysis.warnings,
    grade: analysis.grade?.grade ?? null,
    score: analysis.grade?.score ?? null,
    gradeScale: analysis.grade?.scale ?? null,
    gradePoints: analysis.grade?.points ?? null,
    gradeContributions: analysis.grade?.contributions ?? [],
    entities: analysis.entities,
    provisions: analysis.provisions.map((p) => ({
      id: p.index + 1,
      key: p.key,
      headingPath: p.headingPath,
      start: p.start,
      end: p.end,
      text: p.text,
      clauses: p.clauses.map((c) => ({
        type: c.type,
        name: c.name,
        confidence: Number(c.confidence.toFixed(3)),
        confidenceLevel: c.confidenceLevel,
        polarity: c.polarity,
        severity: c.severity,
        evidence: c.evidence,
        source: c.source,
        reasons: c.reasons,
      })),
    })),
  };
}

const SEVERITY_ORDER: Severity[] = ["high", "medium", "low"];

function renderReport(location: string, analysis: DocumentAnalysis): string {
  const lines: string[] = [`ClauseWatch analysis of ${location}`];
  lines.push(
    `Language: ${analysis.language.language} · ${analysis.provisions.length} provisions · grade ${analysis.grade?.grade ?? "n/a"}${analysis.grade ? ` (score ${analysis.grade.score}, ${analysis.grade.scale} scale)` : ""}`,
  );
  for (const w of analysis.warnings) lines.push(`Note: ${w}`);
  const found = analysis.provisions.flatMap((p) => p.clauses.map((c) => ({ p, c })));
  const item = ({ p, c }: (typeof found)[number]) => {
    const where = p.headingPath.length > 0 ? ` [${p.headingPath.join(" › ")}]` : "";
    const quote = c.evidence.text.length > 240 ? `${c.evidence.text.slice(0, 237)}…` : c.evidence.text;
    return [
      `- ${c.name} — ${c.polarity}, confidence ${c.confidenceLevel} (${c.confidence.toFixed(2)})${where}`,
      `    “${quote.replace(/\s+/g, " ")}”`,
    ];
  };
  for (const severity of SEVERITY_ORDER) {
    const group = found.filter(({ c }) => c.severity === severity);
    if (group.length === 0) continue;
    // Low-confidence findings come after the others (and count for nothing in the grade): a reader scanning
    // the high-severity list should meet what the text clearly says first.
    const sure = group.filter(({ c }) => c.confidenceLevel !== "Low");
    const unsure = group.filter(({ c }) => c.confidenceLevel === "Low");
    lines.push("", `== ${severity.toUpperCase()} severity (${group.length}) ==`);
    lines.push(...sure.flatMap(item));
    if (unsure.length > 0) {
      lines.push(`  Less certain (${unsure.length}, low confidence):`, ...unsure.flatMap(item));
    }
  }
  const e = analysis.entities;
  lines.push("", "== Entities ==");
  if (e.emails.length) lines.push(`Contacts: ${e.emails.join(", ")}`);
  if (e.thirdParties.length) lines.push(`Third parties: ${e.thirdParties.join(", ")}`);
  if (e.retentionPeriods.length) lines.push(`Retention: ${e.retentionPeriods.join("; ")}`);
  if (e.countries.length) lines.push(`Countries and regions: ${e.countries.join(", ")}`);
  if (e.dataCategories.length) lines.push(`Data categories: ${e.dataCategories.join(", ")}`);
  for (const d of e.dates) lines.push(`Date (${d.kind}): ${d.text}${d.iso ? ` = ${d.iso}` : ""}`);
  return lines.join("\n");
}

export function registerAnalysisCommands(program: Command): void {
  program
    .command("analyze")
    .description("split a document (file or URL) into provisions and classify them")
    .argument("<location>", "file path or URL")
    .option("--json", "print JSON")
    .option(
      "--type <terms type>",
      'terms type ("Privacy Policy", "Terms of Service"…): its grading scale; else guessed',
    )
    .action(async (location: string, opts: { json?: boolean; type?: string }) => {
      // Nothing is archived: the operator's own path or file: URL is read as asked.
      const fetched = await fetchDocument(location, {
        allowPrivateNetwork: loadConfig().allowPrivateNetwork,
        allowLocalFiles: true,
      });
      const { markdown } = await extract({
        bytes: fetched.bytes,
        mimeType: fetched.mimeType,
        contentType: fetched.contentType,
        url: fetched.url,
      });
      const analysis = analyzeText(markdown, opts.type === undefined ? {} : { termsType: opts.type });
      console.log(
        opts.json ? JSON.stringify(analysisToJson(analysis), null, 2) : renderReport(location, analysis),
      );
    });

  program
    .command("taxonomy")
    .description("print the clause taxonomy (knowledge base records)")
    .option("--json", "print every record as JSON")
    .action((opts: { json?: boolean }) => {
      const taxonomy = loadTaxonomy();
      if (opts.json) {
        console.log(JSON.stringify(taxonomy.types, null, 2));
        return;
      }
      for (const t of taxonomy.types)
        console.log(`${t.id.padEnd(34)} ${t.group.padEnd(10)} ${t.defaultSeverity.padEnd(6)} ${t.name}`);
    });

  const evaluation = program.command("eval").description("measure the classifier on public datasets");
  evaluation
    .command("opp115")
    .description(
      "train on a PLUE OPP-115 file and score on another (or --zero-shot: score the shipped classifier)",
    )
    .requiredOption("--train <jsonl>", "training file (one {text,label[]} per line)")
    .requiredOption("--test <jsonl>", "file to score")
    .option("--zero-shot", "score the shipped classifier through its OPP-115 mapping, without training")
    .option("--json", "print JSON")
    .action((opts: { train: string; test: string; zeroShot?: boolean; json?: boolean }) => {
      const result = evalOpp115({
        train: resolve(opts.train),
        test: resolve(opts.test),
        zeroShot: opts.zeroShot ?? false,
      });
      printEval(result, opts.json ?? false);
    });
  evaluation
    .command("claudette")
    .description("CLAUDETTE unfair-term detection: train/test folders, or document-grouped cross-validation")
    .requiredOption("--train <dir>", "folder with sentences/ and tags/")
    .option("--test <dir>", "folder to score; without it, cross-validation over --train")
    .option("--folds <n>", "cross-validation folds", "10")
    .option("--json", "print JSON")
    .action((opts: { train: string; test?: string; folds: string; json?: boolean }) => {
      const folds = Number.parseInt(opts.folds, 10);
      if (!Number.isInteger(folds) || folds < 2) throw new CliError("--folds must be an integer ≥ 2");
      const result = evalClaudette({
        train: resolve(opts.train),
        ...(opts.test ? { test: resolve(opts.test) } : {}),
        folds,
      });
      printEval(result, opts.json ?? false);
    });
}

interface EvalLike {
  n: number;
  macroF1: number;
  microF1: number;
  perLabel: Record<string, { precision: number; recall: number; f1: number; support: number }>;
}

function printEval(result: EvalLike, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(`n=${result.n} macro-F1=${result.macroF1.toFixed(3)} micro-F1=${result.microF1.toFixed(3)}`);
  for (const [label, m] of Object.entries(result.perLabel)) {
    console.log(
      `${label.padEnd(40)} P=${m.precision.toFixed(3)} R=${m.recall.toFixed(3)} F1=${m.f1.toFixed(3)} support=${m.support}`,
    );
  }
}
