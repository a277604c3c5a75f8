/** The curated vocabulary of data categories and recipients (vocabulary.json), compiled once. */
import raw from "./vocabulary.json" with { type: "json" };

/** Which list a term belongs to. */
export type TermFamily = "dataCategories" | "recipients";

/** A vocabulary term and its compiled matcher. */
export interface VocabularyTerm {
  id: string;
  label: string;
  family: TermFamily;
  /** So common a term that its first mention in a document weighs medium, not high. */
  generic: boolean;
  /** Regex source of the term's alternatives, without boundaries. */
  source: string;
  pattern: RegExp;
}

interface RawTerm {
  id: string;
  label: string;
  generic?: boolean;
  patterns: string[];
}

function captureGroups(source: string): number {
  return (new RegExp(`${source}|`).exec("")?.length ?? 1) - 1;
}

function compile(family: TermFamily, terms: RawTerm[]): VocabularyTerm[] {
  return terms.map((t) => {
    const source = t.patterns.join("|");
    // findTerms numbers one capture group per term: a pattern's own capture group would shift them.
    if (captureGroups(source) > 0) throw new SyntaxError(`vocabulary term ${t.id}: use (?:…), not (…)`);
    const pattern = new RegExp(`\\b(?:${source})\\b`, "i");
    return { id: t.id, label: t.label, family, generic: t.generic ?? false, source, pattern };
  });
}

/** Every term, data categories first, in file order. */
export const VOCABULARY: readonly VocabularyTerm[] = [
  ...compile("dataCategories", raw.dataCategories),
  ...compile("recipients", raw.recipients),
];

// One pass over the text for all terms (group i + 1 is term i): a regex per term was five times slower.
const ANY_TERM = new RegExp(`\\b(?:${VOCABULARY.map((t) => `(${t.source})`).join("|")})\\b`, "gi");

/**
 * Ids of the terms mentioned in a (visible) text. Matches do not overlap: in "third-party advertising
 * partners" only the leftmost term found at each position counts.
 */
export function findTerms(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(ANY_TERM)) {
    const i = match.findIndex((group, k) => k > 0 && group !== undefined);
    if (i > 0) found.add(VOCABULARY[i - 1]!.id);
  }
  return found;
}

/** Terms by id, the first of each id (as a search in file order finds it). */
const BY_ID = new Map<string, VocabularyTerm>();
for (const t of VOCABULARY) if (!BY_ID.has(t.id)) BY_ID.set(t.id, t);

/** The term with this id. */
export function termById(id: string): VocabularyTerm | undefined {
  return BY_ID.get(id);
}
