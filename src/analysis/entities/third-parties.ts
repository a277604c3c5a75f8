/** Named third parties and processors, from the curated list in known-third-parties.json. */
import { bmpCharClasses, bmpLetterOrDigit } from "../../util/letters.js";
import { escapeRegex } from "./escape-regex.js";
import raw from "./known-third-parties.json" with { type: "json" };

/** One curated third party. */
export interface KnownThirdParty {
  /** Canonical name, as reported in `Entities.thirdParties`. */
  name: string;
  /** What the third party does for the platform: "payment", "analytics", "advertising", "hosting"… */
  category: string;
  /** Strings that name it in a policy. */
  match: string[];
  /** Set for names that are also ordinary words ("Square", "Stripe"): then only the exact case counts. */
  caseSensitive?: boolean;
}

/** The curated list, in file order. */
export const KNOWN_THIRD_PARTIES: readonly KnownThirdParty[] = raw.thirdParties;

const byName = new Map(KNOWN_THIRD_PARTIES.map((party) => [party.name.toLowerCase(), party]));

/** The curated record of a third party by its canonical name (any case). */
export function lookupThirdParty(name: string): KnownThirdParty | undefined {
  return byName.get(name.toLowerCase());
}

/** A matcher of the curated names of one case mode. */
interface Matcher {
  /** The reference expression (`u` flag). */
  regex: RegExp;
  /**
   * The same without the `u` flag and without the lookbehind, about 5× faster; null when the names are not all
   * ASCII. With the lookbehind checked by hand (see `hits`), it finds the same matches in any text for which
   * `fastFits` holds: no surrogates (the word-boundary class then covers every letter) and, when
   * case-insensitive, no KELVIN SIGN or LONG S (the only non-ASCII characters that Unicode case folding equates
   * with ASCII letters: "K" and "ſ" match "k" and "s" only with `u`).
   */
  fast: RegExp | null;
  fastFits: RegExp;
  owner: Map<string, string>;
}

/**
 * One alternation per case mode, longest strings first so that at any position the most specific name wins
 * ("Google Analytics" over "Google"), bounded by non-word characters on both sides.
 */
function buildMatcher(parties: readonly KnownThirdParty[], caseSensitive: boolean): Matcher {
  const owner = new Map<string, string>();
  for (const party of parties) {
    if (Boolean(party.caseSensitive) !== caseSensitive) continue;
    for (const m of party.match) owner.set(caseSensitive ? m : m.toLowerCase(), party.name);
  }
  const alternatives = [...owner.keys()].sort((a, b) => b.length - a.length).map(escapeRegex);
  const body = alternatives.length > 0 ? alternatives.join("|") : "(?!)";
  const ascii = [...owner.keys()].every((m) => /^[\x20-\x7e]*$/.test(m));
  const letter = ascii ? `[${bmpLetterOrDigit()}]` : "";
  return {
    regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, caseSensitive ? "gu" : "giu"),
    fast: ascii ? new RegExp(`(?:${body})(?!${letter})`, caseSensitive ? "g" : "gi") : null,
    fastFits: caseSensitive ? /^[^\uD800-\uDFFF]*$/ : /^[^\uD800-\uDFFF\u017F\u212A]*$/,
    owner,
  };
}

const insensitive = buildMatcher(KNOWN_THIRD_PARTIES, false);
const sensitive = buildMatcher(KNOWN_THIRD_PARTIES, true);

interface Hit {
  start: number;
  end: number;
  name: string;
}

function hits(text: string, matcher: Matcher, caseSensitive: boolean): Hit[] {
  const out: Hit[] = [];
  const fast = matcher.fast !== null && matcher.fastFits.test(text);
  const regex = fast ? matcher.fast! : matcher.regex;
  const classes = bmpCharClasses();
  // exec on the shared regex, not matchAll: matchAll clones it per call, and cloning this one costs more than
  // running it over a provision.
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    // The lookbehind by hand: a match glued to a letter or digit is dropped and the search resumes one character
    // further, where the lookbehind would have sent it. (A leading lookbehind is tried at every position.)
    if (fast && m.index > 0 && classes[text.charCodeAt(m.index - 1)] !== 0) {
      regex.lastIndex = m.index + 1;
      continue;
    }
    const name = matcher.owner.get(caseSensitive ? m[0] : m[0].toLowerCase());
    if (name) out.push({ start: m.index, end: m.index + m[0].length, name });
  }
  return out;
}

/**
 * Canonical names of the known third parties named in plain text, in order of first mention.
 * Overlapping mentions keep the longest ("Amazon Web Services" hides "Amazon"). Names in `exclude`
 * (the platform itself and its own brands) are left out.
 */
export function findThirdParties(plain: string, exclude: readonly string[] = []): string[] {
  const all = [...hits(plain, insensitive, false), ...hits(plain, sensitive, true)].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  const found: string[] = [];
  let coveredTo = -1;
  for (const hit of all) {
    if (hit.start < coveredTo) continue;
    coveredTo = hit.end;
    if (!found.includes(hit.name)) found.push(hit.name);
  }
  return withoutNames(found, exclude);
}

/** `names` without those in `exclude` (in any case): the platform itself and its own brands. */
export function withoutNames(names: readonly string[], exclude: readonly string[]): string[] {
  const excluded = new Set(exclude.map((name) => name.toLowerCase()));
  return names.filter((name) => !excluded.has(name.toLowerCase()));
}
