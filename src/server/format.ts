/** Presentation helpers shared by pages, reports and CSV. */

const DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/** "2025-08-01T06:06:33Z" → "1 Aug 2025"; unparseable input is returned as is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE.format(date);
}

/** "2025-08" → "Aug 2025". */
export function formatMonth(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : MONTH.format(date);
}

/** "2025-08-01T06:06:33.000Z" → "2025-08-01 06:06:33 UTC". */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

/** Cuts text at a word boundary and adds an ellipsis when it was longer than `max`. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "high" → "High". */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Confidence 0–1 → the High/Medium/Low band used across the product. */
export function confidenceBand(confidence: number): "High" | "Medium" | "Low" {
  return confidence >= 0.75 ? "High" : confidence >= 0.5 ? "Medium" : "Low";
}

const COUNT = new Intl.NumberFormat("en-GB");

/** "1 provision", "3 provisions". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${COUNT.format(n)} ${n === 1 ? word : pluralWord}`;
}

/** The title of a document: "GitHub Privacy Policy". */
export function documentTitle(platformName: string, termsType: string): string {
  return `${platformName} ${termsType}`;
}
