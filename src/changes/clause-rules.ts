/**
 * What a change to a clause type weighs. Ids come from knowledge/clause-type-ids.tsv (a test checks they
 * exist). Only the types the change rules single out are listed; the classifier's own severity covers the rest.
 */

/** Clause type groups of the taxonomy that the change rules look at. */
export type RuleGroup = "collection" | "sharing" | "rights" | "security" | "terms";

const COLLECTION = [
  "data-collected",
  "sensitive-data",
  "automatic-collection",
  "data-from-other-sources",
  "ai-model-training",
  "voice-audio-capture",
  "automated-decisions",
  "research-use",
  "remote-proctoring",
  "legal-bases",
];
const SHARING = [
  "sharing-service-providers",
  "sharing-institutional-clients",
  "sharing-affiliates",
  "sale-of-data",
  "targeted-advertising",
  "analytics-providers",
  "single-sign-on",
  "payment-processors",
  "deidentified-aggregate-sharing",
  "public-profile",
  "business-transfer",
  "law-enforcement-disclosure",
  "international-transfer",
];
const RIGHTS = [
  "right-access",
  "right-portability",
  "right-correction",
  "right-deletion",
  "retention-period",
  "backup-retention",
  "right-object-opt-out",
  "consent-withdrawal",
  "do-not-track-gpc",
  "anonymous-use",
  "state-privacy-notice",
];
const SECURITY = [
  "security-measures",
  "security-disclaimer",
  "breach-notification",
  "childrens-data",
  "policy-change-notice",
  "privacy-contact",
];

const GROUP = new Map<string, RuleGroup>([
  ...COLLECTION.map((id) => [id, "collection"] as const),
  ...SHARING.map((id) => [id, "sharing"] as const),
  ...RIGHTS.map((id) => [id, "rights"] as const),
  ...SECURITY.map((id) => [id, "security"] as const),
]);

/** Group of a clause type; every type not listed above is a contract term. */
export function groupOf(type: string): RuleGroup {
  return GROUP.get(type) ?? "terms";
}

/**
 * Types whose appearance (in a concerning reading) is a high-severity change: a new way data is shared or
 * sold, a new category of collection, a new waiver of the right to go to court.
 */
export const HIGH_WHEN_GAINED: ReadonlySet<string> = new Set([
  ...SHARING.filter((id) => id !== "public-profile"),
  "data-collected",
  "sensitive-data",
  "data-from-other-sources",
  "ai-model-training",
  "voice-audio-capture",
  "automated-decisions",
  "remote-proctoring",
  "arbitration",
  "class-action-waiver",
]);

/** Types whose disappearance (from a protective reading) is a high-severity change: a user right or a promise. */
export const HIGH_WHEN_LOST: ReadonlySet<string> = new Set([
  ...RIGHTS,
  "breach-notification",
  "policy-change-notice",
  "security-measures",
  "privacy-contact",
]);

/** Every clause type id the rules name, for the consistency test against the taxonomy. */
export const RULE_CLAUSE_IDS: readonly string[] = [
  ...COLLECTION,
  ...SHARING,
  ...RIGHTS,
  ...SECURITY,
  "arbitration",
  "class-action-waiver",
];
