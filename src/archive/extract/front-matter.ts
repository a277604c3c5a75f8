/** A YAML block opening a Markdown file: `---`, `key: value` lines, `---`. */
const FRONT_MATTER = /^---\n[\w-]+:[\s\S]*?\n---(\n|$)/;

/**
 * Drops the YAML front matter of a Markdown file (title, dates, SEO fields of a static-site page):
 * metadata, not the document's text, and it changes without the document changing.
 */
export function stripFrontMatter(markdown: string): string {
  return markdown.replace(FRONT_MATTER, "");
}
