/**
 * Provisions that state no practice whatever their words (READING.md, "Provision hygiene"): heading-like fragments
 * and the dated lines of a policy's own change log.
 */

/** Provisions of this many words or fewer, with no lead-in, are fragments. */
const FRAGMENT_WORDS = 5;
/** A line of this many words or fewer, with no closing punctuation, is a title (see {@link UNPUNCTUATED_TITLE}). */
const TITLE_WORDS = 12;

const WORD_WITH_LETTER = /\S*\p{L}\S*/gu;

/** Whether `text` has at most `max` words with a letter (counting stops past that). */
function hasAtMostWords(text: string, max: number): boolean {
  if (text.length > 200) return false;
  let words = 0;
  for (const match of text.matchAll(WORD_WITH_LETTER)) {
    if (match && ++words > max) return false;
  }
  return true;
}

/**
 * A title set as a plain line, as policies without Markdown headings write them ("Personal data and information
 * about you we receive from other sources"): one line starting with a capital, with no closing punctuation.
 */
const UNPUNCTUATED_TITLE = /^\p{Lu}[^\n]*(?<![.:;!?)"”’*_|\]])$/u;

/**
 * A change-log line: a date, then what was edited ("_July 15, 2019:_ Added Google Ads to the list of
 * sub-processors"). It reports an edit of the document; the practice it names is stated, and read, where the edit
 * put it.
 */
const CHANGELOG_LINE =
  /^[\W_]{0,8}(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{4}|\d{4}-\d{2}-\d{2})[\s\p{P}]{0,8}(?:Added|Updated|Removed|Changed|Clarified|Revised|Amended|Introduced|Deleted|Replaced|Modified|Moved|Renamed|Corrected)\b/u;

/**
 * Whether a provision states no practice: a heading-like fragment ("A little bit about Discord", "Location: Serbia")
 * when it has no lead-in (a list item or a table row is read with its lead-in, so it stays), or a change-log line.
 */
export function statesNoPractice(text: string, hasLeadIn: boolean): boolean {
  if (CHANGELOG_LINE.test(text)) return true;
  if (hasLeadIn) return false;
  return (
    hasAtMostWords(text, FRAGMENT_WORDS) ||
    (UNPUNCTUATED_TITLE.test(text) && hasAtMostWords(text, TITLE_WORDS))
  );
}
