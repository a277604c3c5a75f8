/** Closed vocabularies of the knowledge base: the values every record must draw from. */

/** The five groups of the clause taxonomy (PRODUCT.md section 2). */
export const CLAUSE_GROUPS = ["collection", "sharing", "rights", "security", "terms"] as const;
export type ClauseGroup = (typeof CLAUSE_GROUPS)[number];

export const SEVERITIES = ["low", "medium", "high"] as const;
export const POLARITIES = ["protective", "neutral", "concerning"] as const;

/** The ten OPP-115 data-practice categories, spelled exactly as in the PLUE OPP-115 files. */
export const OPP115_CATEGORIES = [
  "First Party Collection/Use",
  "Third Party Sharing/Collection",
  "User Choice/Control",
  "User Access, Edit and Deletion",
  "Data Retention",
  "Data Security",
  "Policy Change",
  "Do Not Track",
  "International and Specific Audiences",
  "Other",
] as const;
export type Opp115Category = (typeof OPP115_CATEGORIES)[number];

/**
 * CLAUDETTE unfair-term categories: arbitration, unilateral change, content removal, jurisdiction,
 * choice of law, limitation of liability, unilateral termination, contract by using.
 * `pinc` (privacy policy included) is left out on purpose: it is a property of a document, not a clause type.
 */
export const CLAUDETTE_TAGS = ["a", "ch", "cr", "j", "law", "ltd", "ter", "use"] as const;
export type ClaudetteTag = (typeof CLAUDETTE_TAGS)[number];

/**
 * Placeholders allowed in explanation texts. The explainer substitutes them with specifics found in the
 * document; the fallback is what to write when nothing was found.
 */
export const PLACEHOLDERS = {
  platform: "the platform",
  contact: "the platform's privacy contact",
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

/**
 * Placeholders a platform's sector fills (knowledge/sectors.json), so that one explanation speaks of courses to
 * a learner and of repositories to a developer: `{users}` the people the service serves ("learners"),
 * `{activity}` what it sees you do ("the courses you start and finish…", read after "such as"), `{content}` what
 * you make there (read after "your"), `{institution}` who may give you an account ("your school or employer").
 */
export const SECTOR_NOUNS = ["users", "activity", "content", "institution"] as const;
export type SectorNoun = (typeof SECTOR_NOUNS)[number];

/** Regex flags a record may add; `i` is always on, and `g`/`y` are refused because they make `test` stateful. */
export const ALLOWED_EXTRA_FLAGS = /^[imsu]*$/;

/**
 * Jurisdiction codes: ISO 3166-1 alpha-2 ("GB", "BR", "CA"), ISO 3166-2 for sub-national ("US-CA"),
 * or a regional bloc ("EU", "EEA").
 */
export const JURISDICTION_CODE = /^(EU|EEA|[A-Z]{2}(-[A-Z0-9]{1,3})?)$/;
