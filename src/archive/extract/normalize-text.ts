/**
 * Normalises a version's text so that identical content always gives identical bytes: `\n` line
 * endings, no trailing whitespace on any line, at most one blank line in a row, no blank lines or
 * whitespace at either end (and no final newline, as in Open Terms Archive's versions).
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[^\S\n]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+/, "")
    .trimEnd();
}
