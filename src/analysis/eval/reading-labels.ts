/**
 * Reading a held-out set labelled block by block (design/READING.md): one Markdown document and one JSONL label
 * file per document, each line naming its block by index and SHA-256 so labels cannot drift to another block.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { EvalDataError } from "./errors.js";
import { readJsonl } from "./jsonl.js";
import { blockHash, type ReadingBlock, readingBlocks } from "./reading-blocks.js";

const ReaderFindingSchema = z.object({
  type: z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, "a clause type id"),
  polarity: z.enum(["protective", "neutral", "concerning"]),
  severity: z.enum(["high", "medium", "low"]),
});

const LabelLineSchema = z.object({
  block: z.number().int().nonnegative(),
  kind: z.enum(["heading", "paragraph", "list-item", "table-row"]),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  firstWords: z.string(),
  findings: z.array(ReaderFindingSchema),
});

/** What a careful reader says one block states: a clause type, read for or against the person, and how much. */
export type ReaderFinding = z.infer<typeof ReaderFindingSchema>;

/** One line of a label file. */
export type ReadingLabelLine = z.infer<typeof LabelLineSchema>;

/** A held-out document: its text, its blocks and the reader's findings for each block (same order). */
export interface LabelledDocument {
  /** File name without extension, e.g. `npm-privacy-policy`. */
  name: string;
  text: string;
  blocks: ReadingBlock[];
  findings: ReaderFinding[][];
}

/**
 * Reads every `<name>.jsonl` of `labelsDir` with its document `<name>.md` in `documentsDir`, in name order.
 * @throws EvalDataError when a document is missing, a line is malformed, or a label does not match its block
 *   (index, kind or text hash), or a heading carries findings
 */
export function readLabelledDocuments(labelsDir: string, documentsDir: string): LabelledDocument[] {
  if (!existsSync(labelsDir)) throw new EvalDataError("no such labels folder", labelsDir);
  const files = readdirSync(labelsDir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort();
  if (files.length === 0) throw new EvalDataError("no .jsonl label file", labelsDir);
  return files.map((file) => {
    const name = file.slice(0, -".jsonl".length);
    const documentPath = join(documentsDir, `${name}.md`);
    if (!existsSync(documentPath)) throw new EvalDataError(`no document for ${file}`, documentPath);
    const text = readFileSync(documentPath, "utf8");
    const labelPath = join(labelsDir, file);
    const lines = readJsonl(labelPath, (value) => LabelLineSchema.parse(value));
    return { name, text, ...attachLabels(readingBlocks(text), lines, labelPath) };
  });
}

/** Checks that `lines` label exactly `blocks`, one line per block in order, and returns the findings per block. */
export function attachLabels(
  blocks: ReadingBlock[],
  lines: readonly ReadingLabelLine[],
  where: string,
): { blocks: ReadingBlock[]; findings: ReaderFinding[][] } {
  if (lines.length !== blocks.length)
    throw new EvalDataError(`${lines.length} label lines for ${blocks.length} blocks of the document`, where);
  const findings = blocks.map((block, i) => {
    const line = lines[i] as ReadingLabelLine;
    const at = `${where}:${i + 1}`;
    if (line.block !== block.index || line.kind !== block.kind || line.sha256 !== blockHash(block))
      throw new EvalDataError(
        `label of block ${line.block} ("${line.firstWords}") does not match block ${block.index} of the document`,
        at,
      );
    if (block.kind === "heading" && line.findings.length > 0)
      throw new EvalDataError("a heading carries no findings", at);
    return line.findings;
  });
  return { blocks, findings };
}
