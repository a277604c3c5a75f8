/**
 * Specifics of one provision: facts read from its own text, then relevant facts found elsewhere in the
 * document. Every string quotes or lists what the text says; nothing is inferred.
 */
import type { Classification, Entities, Provision } from "../../model/index.js";
import { findEmails, lookupThirdParty, readProvision } from "../entities/index.js";
import { plainText, truncateWords } from "../segment/index.js";

/** Third-party categories that matter to a clause type, to cite document-wide names when the provision has none. */
const PARTY_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  "payment-processors": ["payment"],
  "analytics-providers": ["analytics", "monitoring"],
  "automatic-collection": ["analytics", "advertising", "monitoring"],
  "targeted-advertising": ["advertising", "social", "data-broker"],
  "sale-of-data": ["advertising", "data-broker"],
  "single-sign-on": ["identity", "social"],
  "sharing-service-providers": [
    "hosting",
    "cdn",
    "email",
    "crm",
    "support",
    "communication",
    "productivity",
    "surveys",
    "security",
    "consent",
  ],
  "remote-proctoring": ["proctoring"],
  "data-from-other-sources": ["data-broker"],
};
const RETENTION_TYPES = new Set(["retention-period", "backup-retention", "right-deletion"]);
const TRANSFER_TYPES = new Set(["international-transfer"]);
const CONTACT_TYPES = new Set([
  "privacy-contact",
  "right-access",
  "right-deletion",
  "right-correction",
  "right-portability",
]);
const QUOTE_CHARS = 240;

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function partyLabel(name: string): string {
  const category = lookupThirdParty(name)?.category;
  return category ? `${name} (${category})` : name;
}

/** What a provision's own text names, whatever the clause type: the same for each of its classifications. */
interface ProvisionFacts {
  text: string;
  frame: string;
  /** `plainText(text)`, as the reading holds it. */
  plain: string;
  parties: readonly string[];
  periods: readonly string[];
  places: readonly string[];
  data: readonly string[];
  emails: string[];
}

/**
 * The facts of each provision, kept while the provision object lives: a provision carries 1.6 classifications on
 * average, and reading its facts again for each was a third of the cost of explaining a document. The text and
 * frame are compared on every hit, so a provision object edited in place is read again.
 */
const factsCache = new WeakMap<Provision, ProvisionFacts>();

function provisionFacts(provision: Provision): ProvisionFacts {
  const frame = [provision.headingPath.at(-1) ?? "", provision.context ?? ""].join("\n");
  const cached = factsCache.get(provision);
  if (cached && cached.text === provision.text && cached.frame === frame) return cached;
  // The reading entity extraction did of this text, when it was just done.
  const reading = readProvision(provision.text);
  const facts: ProvisionFacts = {
    text: provision.text,
    frame,
    plain: reading.plain,
    parties: reading.thirdParties(),
    periods: reading.retentionPeriods(),
    places: reading.transferPlaces(frame),
    data: reading.dataCategories(),
    emails: findEmails(provision.text).map((email) => email.address),
  };
  factsCache.set(provision, facts);
  return facts;
}

/** Specific facts for the explanation of `classification` in `provision`. */
export function specificsFor(
  classification: Classification,
  entities: Entities,
  provision: Provision,
): string[] {
  const facts = provisionFacts(provision);
  const out: string[] = [];

  // Half the evidence is the whole provision, whose plain text the reading has.
  const evidence =
    classification.evidence.text === facts.text ? facts.plain : plainText(classification.evidence.text);
  if (evidence) out.push(`The provision says: “${truncateWords(evidence, QUOTE_CHARS)}”`);

  // Only names the document-level extraction kept: it has already left out the platform's own brands.
  const parties = facts.parties.filter((name) => entities.thirdParties.includes(name));
  if (parties.length > 0) out.push(`Named in this provision: ${list(parties.map(partyLabel))}.`);
  else {
    const categories = PARTY_CATEGORIES[classification.type];
    const elsewhere = categories
      ? entities.thirdParties.filter((name) => categories.includes(lookupThirdParty(name)?.category ?? ""))
      : [];
    if (elsewhere.length > 0)
      out.push(`Named elsewhere in the document: ${list(elsewhere.map(partyLabel))}.`);
  }

  const periods = facts.periods;
  if (periods.length > 0) out.push(`Retention stated here: ${list(periods)}.`);
  else if (RETENTION_TYPES.has(classification.type) && entities.retentionPeriods.length > 0) {
    out.push(`Retention stated elsewhere in the document: ${list(entities.retentionPeriods)}.`);
  }

  const places = facts.places;
  if (places.length > 0) out.push(`Countries or regions named for transfer or storage: ${list(places)}.`);
  else if (TRANSFER_TYPES.has(classification.type) && entities.countries.length > 0) {
    out.push(`Countries or regions named elsewhere in the document: ${list(entities.countries)}.`);
  }

  const data = facts.data;
  if (data.length > 0) out.push(`Data named here: ${list(data)}.`);

  const emails = facts.emails;
  if (emails.length > 0) out.push(`Contact given here: ${list(emails)}.`);
  else if (CONTACT_TYPES.has(classification.type) && entities.emails.length > 0) {
    out.push(`Contact given in the document: ${entities.emails[0]}.`);
  }
  return out;
}
