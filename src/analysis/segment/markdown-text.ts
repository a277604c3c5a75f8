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

/** A text with its emphasis markers taken out, and where each of its characters was in the text it came from. */
export interface UnemphasisedText {
  text: string;
  /** `original(i)`: offset in the source of the character at offset `i` (the source's length past the end). */
  original(offset: number): number;
}

/**
 * An emphasis span as {@link EMPHASIS} reads it, except that an escaped delimiter (`\_\_stripe\_sid`) or one inside
 * a word (`bouncer_reset_cookie`) opens none.
 */
const EMPHASIS_SPAN = /(?<![\\\p{L}\p{N}])(\*{1,3}|_{1,3}|~~)(?=\S)([^*_~]*?[^\s\\])\1/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The text without its emphasis markers (`**may**`, `_without telling you_`), everything else kept character for
 * character, so that wording matched in it (`within **one year**` read as "within one year") can be mapped back
 * to the source. A marker between two words becomes a space (`**Right to Know**what`). Nested emphasis
 * (`**a _b_ c**`) is taken out in two passes, as {@link plainText} does.
 */
export function withoutEmphasis(markdown: string): UnemphasisedText {
  if (!/[*_~]/.test(markdown)) return { text: markdown, original: (offset) => offset };
  let text = markdown;
  let map: number[] | null = null;
  for (let pass = 0; pass < 2; pass++) {
    const kept: number[] = [];
    let out = "";
    let from = 0;
    const copy = (start: number, end: number): void => {
      out += text.slice(start, end);
      for (let i = start; i < end; i++) kept.push(i);
    };
    for (const m of text.matchAll(EMPHASIS_SPAN)) {
      const delimiter = m[1]!.length;
      const start = m.index;
      const end = start + m[0].length;
      copy(from, start);
      copy(start + delimiter, end - delimiter);
      if (WORD_CHAR.test(text[end] ?? "")) {
        out += " ";
        kept.push(end - delimiter);
      }
      from = end;
    }
    if (from === 0) break;
    copy(from, text.length);
    const previous: number[] | null = map;
    map = previous ? kept.map((i) => previous[i]!) : kept;
    text = out;
  }
  if (!map) return { text: markdown, original: (offset) => offset };
  const positions = map;
  return {
    text,
    original: (offset) => (offset < positions.length ? positions[offset]! : markdown.length),
  };
}
