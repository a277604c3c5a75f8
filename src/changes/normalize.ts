/**
 * Two normal forms of Markdown version text, used to tell noise from substance:
 * - technical: what a reader sees, without extraction artefacts (Markdown syntax, link targets, images,
 *   anchors, list markers, heading levels, escapes, whitespace);
 * - minor: the technical form without date expressions, tracking parameters, punctuation, typography and case.
 * Two texts with equal technical forms differ only by extraction; equal minor forms, only by minor edits.
 */
import { stripDates } from "./dates.js";
import { wordsOf } from "./words.js";

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  hellip: "…",
};

// Link targets may hold spaces ("mailto: x@y") and one level of parentheses (Wikipedia-style URLs).
const TARGET = "\\((?:[^()]|\\([^()]*\\))*\\)";
// Link labels may hold escaped brackets ("[\\[email protected\\]](…)").
const LABEL = "((?:\\\\.|[^\\]\\\\])*)";
const IMAGE = new RegExp(`!\\[${LABEL}\\]${TARGET}`, "g");
const LINK = new RegExp(`\\[${LABEL}\\]${TARGET}`, "g");
const REFERENCE_LINK = /\[([^\]]+)\]\[[^\]]*\]/g;
const LINK_DEFINITION = /^[ \t]*\[[^\]]+\]:[ \t]*\S.*$/gm;
const AUTOLINK = /<((?:https?|mailto|ftp|tel):[^>\s]*)>/gi;
const HTML_TAG = /<\/?[a-zA-Z][^<>]*>|<!--[\s\S]*?-->/g;
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi;
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
const HEADING_MARK = /^[ \t]*#{1,6}[ \t]+|[ \t]+#+[ \t]*$/gm;
const RULE_OR_UNDERLINE = /^[ \t]*(?:[-*_=][ \t]*){3,}$/gm;
const TABLE_SEPARATOR = /^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$/gm;
const BLOCKQUOTE = /^[ \t]*(?:>[ \t]?)+/gm;
// Bullets, "1.", "1)", "a.", "(iv)", "2.3.1": renumbering follows any insertion and is not a change of wording.
const LIST_MARKER =
  /^[ \t]*(?:[*+\-•·▪◦]|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivxlc]{1,6})[.)]|\d{1,3}(?:\.\d{1,3})+)[ \t]+/gim;
// ASCII \b keeps "snake_case" intact; Unicode look-arounds were ten times slower on long versions.
const EMPHASIS = /[*`]+|~~|\b_+|_+\b/g;
/** Screen-reader notes that sites append to link labels, and change with their templates. */
const NEW_WINDOW_NOTE = /[\s–—-]*\(?\b(?:opens|open|opening) in (?:a )?new (?:window|tab)(?: or tab)?\)?/gi;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// Single plain spaces are left alone: replacing each of them made this the costliest pass.
const SPACE = /\s{2,}|[^\S ]/g;

function decodeEntity(match: string, body: string): string {
  if (body.startsWith("#x") || body.startsWith("#X"))
    return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
  if (body.startsWith("#")) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
  return ENTITIES[body.toLowerCase()] ?? match;
}

/** Reader-visible text of Markdown: Markdown syntax, link targets, images, HTML and layout whitespace removed. */
export function normalizeTechnical(markdown: string): string {
  // Each pass is skipped when its trigger character is absent: most provisions have no links, tags or tables.
  let text = markdown.normalize("NFKC").replace(INVISIBLE, "");
  if (text.includes("[")) {
    text = text.replace(LINK_DEFINITION, " ").replace(IMAGE, " ");
  }
  if (text.includes("<")) text = text.replace(AUTOLINK, "$1");
  if (text.includes("](")) text = text.replace(LINK, "$1");
  if (text.includes("][")) text = text.replace(REFERENCE_LINK, "$1");
  if (text.includes("<")) text = text.replace(HTML_TAG, " ");
  if (text.includes("&")) text = text.replace(ENTITY, decodeEntity);
  // Markers are line-anchored, so they go before escapes are resolved and lines are joined.
  if (text.includes("-")) text = text.replace(TABLE_SEPARATOR, " ");
  text = text.replace(RULE_OR_UNDERLINE, " ");
  if (text.includes(">")) text = text.replace(BLOCKQUOTE, "");
  if (text.includes("#")) text = text.replace(HEADING_MARK, " ");
  if (text.includes("\\")) text = text.replace(ESCAPE, "$1");
  // Emphasis first, so that a bold enumerator ("**9. Offer of Judgment.**") is seen as a list marker.
  text = text.replace(EMPHASIS, "").replace(LIST_MARKER, "");
  if (text.includes(" new window") || text.includes(" new tab")) text = text.replace(NEW_WINDOW_NOTE, " ");
  if (text.includes("|")) text = text.replace(/\|/g, " ");
  return text.replace(SPACE, " ").trim();
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[?email(?:&#160;|\s)protected\]?/gi;
/** Addresses spelled out against harvesting: "privacy [at] example.com", "privacy[at]example[dot]com". */
const SPELLED_EMAIL = /[\w.+-]+ ?[[(]at[\])] ?[\w-]+(?:(?: ?[[(]dot[\])] ?|\.)[\w-]+)+/gi;

/** Query parameters that only track the reader (campaign, click and session ids). */
const TRACKING_PARAM =
  /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|ref|ref_src|ref_url|src|source|cmp|cid|trk|igshid|si)$/i;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>()"']+/gi;

/** Removes tracking parameters (and a then-empty "?") from every URL written in the text. */
export function stripTrackingParams(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => {
    const q = url.indexOf("?");
    if (q < 0) return url;
    const hash = url.indexOf("#", q);
    const query = url.slice(q + 1, hash < 0 ? undefined : hash);
    const kept = query
      .split("&")
      .filter((pair) => pair !== "" && !TRACKING_PARAM.test(pair.split("=")[0] ?? ""));
    const tail = hash < 0 ? "" : url.slice(hash);
    return url.slice(0, q) + (kept.length > 0 ? `?${kept.join("&")}` : "") + tail;
  });
}

/**
 * The words of a text with everything a minor edit may touch folded away: dates, tracking parameters,
 * punctuation and typography (quotes, dashes), case. Input is Markdown or already technical text.
 */
export function normalizeMinor(text: string): string {
  return foldMinor(normalizeTechnical(text));
}

/** {@link normalizeMinor} of a text already in technical form (saves normalising twice). */
export function foldMinor(technical: string): string {
  let text = stripDates(stripTrackingParams(technical));
  // E-mail addresses, and Cloudflare's "[email protected]" that replaces them in some captures.
  if (text.includes("@") || text.includes("protected")) text = text.replace(EMAIL, " email ");
  if (text.includes("at]") || text.includes("at)")) text = text.replace(SPELLED_EMAIL, " email ");
  // Collecting word runs is several times faster than replacing the runs in between.
  const words = wordsOf(text.toLowerCase()).join(" ");
  // An address followed by itself spelled out ("x@y.com (x[at]y[dot]com)") reads as one address.
  return words.includes("email email") ? words.replace(/\bemail(?: email)+\b/g, "email") : words;
}
