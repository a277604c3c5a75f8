/** Dates of a document: effective and last-updated dates first, parsed to ISO 8601. */
import type { Entities } from "../../model/index.js";

export type FoundDate = Entities["dates"][number];

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  "(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";
const ORDINAL = "(?:st|nd|rd|th)?";

/** Each form of date, with how to read year, month and day from its groups. */
export const DATE_FORMS: readonly {
  regex: RegExp;
  read: (m: RegExpExecArray) => [number, number | null, number | null] | null;
}[] = [
  {
    // June 15, 2023 · Jun. 15 2023
    regex: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})\\b`, "gi"),
    read: (m) => [Number(m[3]), MONTHS[m[1]!.toLowerCase()] ?? null, Number(m[2])],
  },
  {
    // 15 June 2023 · 1st of January, 2024
    regex: new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, "gi"),
    read: (m) => [Number(m[3]), MONTHS[m[2]!.toLowerCase()] ?? null, Number(m[1])],
  },
  {
    // 2023-06-15 (also the date part of a timestamp)
    regex: /\b(\d{4})-(\d{2})-(\d{2})(?![\d-])/g,
    read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
  {
    // 06/15/2023 or 15.06.2023: read only when the order is unambiguous (one part above 12).
    regex: /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g,
    read: (m) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (a > 12 && b <= 12) return [Number(m[3]), b, a];
      if (b > 12 && a <= 12) return [Number(m[3]), a, b];
      return null;
    },
  },
  {
    // October 2019 (month precision)
    regex: new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, "gi"),
    read: (m) => [Number(m[2]), MONTHS[m[1]!.toLowerCase()] ?? null, null],
  },
];

const EFFECTIVE =
  /\b(effective|in effect|takes? effect|took effect|comes? into (force|effect)|came into (force|effect)|entered into force|valid (from|as of)|applies from|applicable from)\b/gi;
const UPDATED =
  /\b(updated|modified|revised|amended|last changed|reviewed|last update|last revision|version date)\b/gi;
/** Characters before a date searched for "effective" or "updated". */
const LOOKBEHIND = 60;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** ISO 8601 of a year, month and optional day; null when not a real calendar date. */
function toIso(year: number, month: number | null, day: number | null): string | null {
  if (month === null || month < 1 || month > 12 || year < 1970 || year > 2100) return null;
  if (day === null) return `${year}-${pad(month)}`;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || day < 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The kind given to a date by the nearest keyword before it in the same sentence. */
function kindBefore(text: string, start: number): FoundDate["kind"] {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const window = text.slice(Math.max(lineStart, start - LOOKBEHIND), start);
  const sentenceEnd = Math.max(...[...window.matchAll(/[.;!?]\s/g)].map((m) => m.index + 2), 0);
  const before = window.slice(sentenceEnd);
  let kind: FoundDate["kind"] = "other";
  let at = -1;
  for (const [regex, which] of [
    [EFFECTIVE, "effective"],
    [UPDATED, "updated"],
  ] as const) {
    for (const m of before.matchAll(regex)) {
      if (m.index > at) {
        at = m.index;
        kind = which;
      }
    }
  }
  return kind;
}

/** Parses one date written in English ("June 15, 2023", "15 June 2023", "2023-06-15"…) to ISO 8601. */
export function parseDate(text: string): string | null {
  for (const form of DATE_FORMS) {
    form.regex.lastIndex = 0;
    const m = form.regex.exec(text);
    if (m) {
      const parts = form.read(m);
      return parts ? toIso(...parts) : null;
    }
  }
  return null;
}

/**
 * A character no form of date can contain (every form is made of ASCII letters and digits, white space and
 * `.,/-`). Word characters are kept too, so that `\b` at a piece's edges reads as it does in the whole text.
 */
const OUTSIDE_DATE = /[^A-Za-z0-9_\s.,/-]/;
/** Every form of date has a year: four digits in a row. */
const YEAR_DIGITS = /\d{4}/g;

/**
 * The parts of a text where a date may be: the maximal runs without an {@link OUTSIDE_DATE} character that hold
 * four digits in a row, in order. No match of a form can cross such a character, and at a run's edges `\b` and
 * the lookahead read as at the text's neighbours (non-word, not a digit or hyphen), so each form finds in the runs
 * exactly the matches it finds in the whole text; the regexes, costly over a whole document, run on a few lines.
 */
function datePieces(text: string): { start: number; text: string }[] {
  const pieces: { start: number; text: string }[] = [];
  let end = 0;
  for (const m of text.matchAll(YEAR_DIGITS)) {
    if (m.index < end) continue;
    let start = m.index;
    while (start > 0 && !OUTSIDE_DATE.test(text[start - 1]!)) start--;
    end = m.index + 4;
    while (end < text.length && !OUTSIDE_DATE.test(text[end]!)) end++;
    pieces.push({ start, text: text.slice(start, end) });
  }
  return pieces;
}

/**
 * Every match of every form in a text, form after form in {@link DATE_FORMS}' order, each form's in text order:
 * what `matchAll` of each form over the whole text finds, searched only in {@link datePieces}.
 */
export function* dateMatches(
  text: string,
): Generator<{ form: (typeof DATE_FORMS)[number]; start: number; match: RegExpExecArray }> {
  const pieces = datePieces(text);
  for (const form of DATE_FORMS)
    for (const piece of pieces)
      for (const match of piece.text.matchAll(form.regex))
        yield { form, start: piece.start + match.index, match: match as RegExpExecArray };
}

const ORDER: Record<FoundDate["kind"], number> = { effective: 0, updated: 1, other: 2 };

/**
 * Dates written in a text, each with its kind (from "effective …" / "last updated …" just before it) and ISO
 * form (null for ambiguous numeric dates). Effective dates come first, then updated ones, then the others,
 * each group in document order; repeats of the same kind and day are dropped.
 */
export function findDates(text: string): FoundDate[] {
  const taken: [number, number][] = [];
  const found: (FoundDate & { at: number })[] = [];
  for (const { form, start, match } of dateMatches(text)) {
    const end = start + match[0].length;
    // A span already read by a more specific form ("October 2019" inside "15 October 2019").
    if (taken.some(([s, e]) => start < e && end > s)) continue;
    taken.push([start, end]);
    const parts = form.read(match);
    const iso = parts ? toIso(...parts) : null;
    // Read but not a calendar date (year out of range, 31 February): not a date at all.
    if (parts && iso === null) continue;
    found.push({ kind: kindBefore(text, start), text: match[0], iso, at: start });
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.at - b.at)
    .filter((date) => {
      const id = `${date.kind}/${date.iso ?? date.text}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .map(({ kind, text: dateText, iso }) => ({ kind, text: dateText, iso }));
}
