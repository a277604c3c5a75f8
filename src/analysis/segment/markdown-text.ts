/** Markdown → plain text for reading, matching and hashing (never for offsets: the version text stays exact). */

const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const LINK = /\[([^\]]*)\]\([^)]*\)/g;
const REFERENCE_LINK = /\[([^\]]+)\]\[[^\]]*\]/g;
const AUTOLINK = /<((?:https?|mailto):[^>\s]+)>/g;
const HTML_TAG = /<\/?[A-Za-z][^<>]*>|<!--[\s\S]*?-->/g;
const EMPHASIS = /(\*{1,3}|_{1,3}|~~)(?=\S)([^*_~]*?\S)\1/g;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|>~])/g;
const ENTITY = /&(nbsp|amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi;
const NAMED_ENTITIES: Record<string, string> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

function decodeEntity(_match: string, name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
  if (lower.startsWith("#")) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
  return NAMED_ENTITIES[lower] ?? " ";
}

/** A character that every expression of {@link plainText} but the whitespace one needs in order to match. */
const MARKUP_CHAR = /[[<*_~\\&!]/;
/** Whitespace that collapsing changes: any but a single space. */
const UNCOLLAPSED = /[^\S ]| {2}/;

/**
 * Readable text of a Markdown fragment: images dropped, links reduced to their text, HTML tags and emphasis
 * markers removed, escapes and common entities decoded, whitespace collapsed.
 */
export function plainText(markdown: string): string {
  // Most provisions are plain prose already: two scans instead of ten replacements.
  if (!MARKUP_CHAR.test(markdown)) return collapseWhitespace(markdown);
  const stripped = markdown
    .replace(IMAGE, " ")
    .replace(LINK, "$1")
    .replace(REFERENCE_LINK, "$1")
    .replace(AUTOLINK, "$1")
    .replace(HTML_TAG, " ")
    .replace(EMPHASIS, "$2")
    .replace(EMPHASIS, "$2")
    .replace(ESCAPE, "$1")
    .replace(ENTITY, decodeEntity);
  return collapseWhitespace(stripped);
}

/**
 * `text.replace(/\s+/g, " ").trim()`, without the replacement (which copies the whole text, every space being a
 * match) when all whitespace is single spaces already.
 */
function collapseWhitespace(text: string): string {
  return UNCOLLAPSED.test(text) ? text.replace(/\s+/g, " ").trim() : text.trim();
}

/**
 * Whether a fragment says anything once links, images and tags are taken away. Navigation remnants
 * (tables of contents, footer menus, logos) are made only of links and carry no practice.
 */
export function carriesText(markdown: string): boolean {
  if (!/[[<]/.test(markdown)) return /[\p{L}\p{N}]/u.test(markdown);
  const rest = markdown.replace(IMAGE, " ").replace(LINK, " ").replace(AUTOLINK, " ").replace(HTML_TAG, " ");
  return /[\p{L}\p{N}]/u.test(rest);
}

/**
 * The end of plain text in at most `max` characters: the whole sentences that fit, else the last words, the cut
 * marked with an ellipsis. For lead-ins, whose last sentence is the one that introduces the list ("Therefore,
 * subject to the law, TikTok does not promise that any of the content:").
 */
export function lastWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const from = text.length - max + 1;
  SENTENCE_START.lastIndex = from;
  const sentence = SENTENCE_START.exec(text);
  if (sentence) return text.slice(sentence.index + sentence[0].length);
  const cut = text.indexOf(" ", from);
  return `…${text.slice(cut >= 0 && cut < text.length - max / 2 ? cut + 1 : from).trimStart()}`;
}

/** The end of a sentence and the spaces after it, before the capital that starts the next. */
const SENTENCE_START = /[.!?]["'”’)]*\s+(?=\p{Lu})/gu;

/** Cuts plain text to at most `max` characters at a word boundary, marking the cut with an ellipsis. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(" ", max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1).trimEnd()}…`;
}
