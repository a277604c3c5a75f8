/**
 * Numbers that carry terms: durations, percentages, amounts of money and ages ("30 days", "13 months", "25%",
 * "$100"). Bare numbers (section numbers, counts in statistics tables) are left out: a delta on them would
 * report renumbering or updated metrics as new terms.
 */
import { stripDates } from "./dates.js";

const QUANTITY =
  /(?:[$€£]\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s*(?:%|percent\b|(?:calendar\s+|business\s+|working\s+)?(?:hours?|days?|weeks?|months?|years?)\b|(?:USD|EUR|GBP|dollars|euros)\b))/gi;

/** The quantities of a (visible) text, as written with whitespace collapsed, in order; dates excluded. */
export function quantitiesOf(text: string): string[] {
  return [...stripDates(text).matchAll(QUANTITY)].map((m) => m[0].replace(/\s+/g, " ").trim());
}

/** Any run of digits, with the separators of large numbers ("8,260,593", "1.5"). */
const NUMBER = /\d[\d,.]*/g;

/** `text` with every number replaced by "#": two texts equal under it differ only in their numbers. */
export function withoutNumbers(text: string): string {
  return text.replace(NUMBER, "#");
}

/** Days in one unit of a duration, for comparing "30 days" with "13 months". */
const UNIT_DAYS: Record<string, number> = { hour: 1 / 24, day: 1, week: 7, month: 30, year: 365 };

/** The length of a duration in days ("13 months" → 390), or null when it is not a plain duration. */
export function durationDays(phrase: string): number | null {
  const m = /(\d[\d,]*)\s*(?:calendar |business |working )?(hour|day|week|month|year)s?\b/i.exec(phrase);
  if (!m) return null;
  return Number(m[1]!.replace(/,/g, "")) * UNIT_DAYS[m[2]!.toLowerCase()]!;
}
