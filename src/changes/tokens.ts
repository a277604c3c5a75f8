/** Token sets used to recognise the same provision across versions, and their similarity. */
import { cached, technicalText } from "./normal-forms.js";
import { wordsOf } from "./words.js";

const MONTH_WORD =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;

/**
 * Distinct matching tokens of a provision: lower-cased words of its technical text, with every run of digits
 * folded to "#" and every month name to "#m", so that "Last updated March 5, 2024" and "Last updated 2 May
 * 2025" match. Remembered by text: consecutive records of a document share most provisions.
 */
export const matchTokens: (text: string) => ReadonlySet<string> = cached((text: string) => {
  const out = new Set<string>();
  for (const word of wordsOf(technicalText(text).toLowerCase())) {
    if (/\d/.test(word)) out.add(word.replace(/\d+/g, "#"));
    else if (MONTH_WORD.test(word)) out.add("#m");
    else out.add(word);
  }
  return out;
});

/** Size of the intersection of two sets (iterates the smaller one). */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const token of small) if (large.has(token)) shared++;
  return shared;
}

/** Jaccard index |a∩b| / |a∪b|; 1 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const shared = overlap(a, b);
  return shared / (a.size + b.size - shared);
}
