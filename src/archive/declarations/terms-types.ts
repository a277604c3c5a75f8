import termsTypes from "@opentermsarchive/terms-types";

/** A terms type name that is neither a canonical Open Terms Archive type nor one of its aliases. */
export class UnknownTermsTypeError extends Error {
  constructor(readonly input: string) {
    super(
      `unknown terms type "${input}": use one of the Open Terms Archive types, e.g. "Privacy Policy", "Terms of Service"`,
    );
    this.name = "UnknownTermsTypeError";
  }
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const canonicalByFolded = new Map<string, string>();
for (const [name, record] of Object.entries(termsTypes as Record<string, { aliases?: string[] }>)) {
  canonicalByFolded.set(fold(name), name);
  for (const alias of record.aliases ?? []) canonicalByFolded.set(fold(alias), name);
}

/** The canonical terms type names of the ontology. */
export const TERMS_TYPES: readonly string[] = Object.keys(termsTypes);

/**
 * Normalises a document type name to the Open Terms Archive ontology
 * ("Terms of Use" → "Terms of Service"; case and punctuation are ignored).
 */
export function normalizeTermsType(input: string): string {
  const canonical = canonicalByFolded.get(fold(input));
  if (!canonical) throw new UnknownTermsTypeError(input);
  return canonical;
}
