/** Text rendering of a provision-level diff for the CLI: ANSI colours or plain wdiff-style markers. */
import type { ProvisionChange } from "../model/index.js";
import { type WordDiffSegment, wordDiff } from "./word-diff.js";

export interface RenderOptions {
  /** ANSI colours (red deletions, green insertions) instead of [-deleted-]{+inserted+} markers. */
  color: boolean;
  /** Characters of unchanged text kept on each side of a change; longer equal runs are elided. Default 80. */
  context?: number;
}

const ANSI = {
  red: "\u001b[31m",
  green: "\u001b[32m",
  cyan: "\u001b[36m",
  bold: "\u001b[1m",
  dim: "\u001b[2m",
  reset: "\u001b[0m",
};

function paint(text: string, codes: string, color: boolean): string {
  return color && text !== "" ? `${codes}${text}${ANSI.reset}` : text;
}

function marked(segment: WordDiffSegment, color: boolean): string {
  if (segment.op === "equal") return segment.text;
  if (color) return paint(segment.text, segment.op === "insert" ? ANSI.green : ANSI.red, true);
  return segment.op === "insert" ? `{+${segment.text}+}` : `[-${segment.text}-]`;
}

/** Keeps `context` characters at the edges of a long unchanged run that touch a change. */
function elide(text: string, context: number, keepStart: boolean, keepEnd: boolean): string {
  const keep = (keepStart ? context : 0) + (keepEnd ? context : 0);
  if (text.length <= keep + 10) return text;
  const head = keepStart ? text.slice(0, context) : "";
  const tail = keepEnd ? text.slice(text.length - context) : "";
  return `${head} … ${tail}`;
}

function header(change: ProvisionChange, color: boolean): string {
  const at =
    change.beforeIndex != null && change.afterIndex != null
      ? `#${change.beforeIndex + 1} → #${change.afterIndex + 1}`
      : change.afterIndex != null
        ? `#${change.afterIndex + 1}`
        : change.beforeIndex != null
          ? `#${change.beforeIndex + 1}`
          : "";
  const verdict = change.kind
    ? `${change.kind}${change.kind === "substantive" ? `/${change.severity ?? "low"}` : ""}`
    : "";
  const parts = [change.change, at, verdict, change.clauses.join(", ")].filter((p) => p !== "");
  return paint(`@@ ${parts.join(" · ")}`, ANSI.bold + ANSI.cyan, color);
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

function body(change: ProvisionChange, options: RenderOptions): string {
  const context = options.context ?? 80;
  const { color } = options;
  if (change.change === "added") {
    return indent(color ? paint(change.after ?? "", ANSI.green, true) : `{+${change.after ?? ""}+}`);
  }
  if (change.change === "removed") {
    return indent(color ? paint(change.before ?? "", ANSI.red, true) : `[-${change.before ?? ""}-]`);
  }
  if (change.change === "moved")
    return indent(paint(elide(change.after ?? "", context, true, false), ANSI.dim, color));
  const segments = wordDiff(change.before ?? "", change.after ?? "");
  const out = segments.map((s, i) =>
    s.op === "equal" ? elide(s.text, context, i > 0, i < segments.length - 1) : marked(s, color),
  );
  return indent(out.join(""));
}

/**
 * Readable provision-level diff: one block per change, headed by its type, positions (1-based), verdict and
 * clause types, with word-level highlighting inside modified provisions and long unchanged runs elided.
 */
export function renderDiffText(changes: readonly ProvisionChange[], options: RenderOptions): string {
  if (changes.length === 0) return "No provision changed.\n";
  return `${changes.map((c) => `${header(c, options.color)}\n${body(c, options)}`).join("\n\n")}\n`;
}
