/** Entity extraction: the named specifics of a document. */
import type { Entities, Provision } from "../../model/index.js";
import { segment } from "../segment/index.js";
import { findDates } from "./dates.js";
import { findEmails } from "./emails.js";
import { mergeInOrder, type ProvisionReading, readProvision } from "./provision-reading.js";
import { withoutNames } from "./third-parties.js";

/** Options of {@link extractEntities}. */
export interface ExtractOptions {
  /** Names of the platform itself and its own brands, never reported as third parties (e.g. ["Google"]). */
  exclude?: readonly string[];
}

/** A provision read as plain text, with its context and last heading. */
interface ReadProvision {
  reading: ProvisionReading;
  /** Heading and context: what the provision is about when its own words do not say. */
  frame: string;
}

function read(provision: Provision): ReadProvision {
  const frame = [provision.headingPath.at(-1) ?? "", provision.context ?? ""].join(" \n ");
  return { reading: readProvision(provision.text), frame };
}

/**
 * Named specifics of a document: third parties (from the curated list), e-mail addresses (privacy
 * contacts first), dates (effective, then updated, then others; ISO 8601), retention periods, countries and
 * regions of transfer or storage, and categories of personal data. Everything reported is written in the
 * text; nothing is inferred.
 *
 * @param text the version's Markdown.
 * @param provisions its provisions, when already segmented (else the text is segmented here): they let
 *   headings and list lead-ins tell which sentences are about transfers.
 */
export function extractEntities(
  text: string,
  provisions?: readonly Provision[],
  options: ExtractOptions = {},
): Entities {
  const parts = (provisions ?? segment(text)).map(read);
  // Per provision, then merged in document order: the same as reading all sentences at once (no match crosses
  // from one sentence to the next), and what the explanations of each provision read again.
  return {
    thirdParties: withoutNames(
      mergeInOrder(parts.map((part) => part.reading.thirdParties())),
      options.exclude ?? [],
    ),
    emails: findEmails(text).map((email) => email.address),
    dates: findDates(text),
    retentionPeriods: mergeInOrder(
      parts.map((part) => part.reading.retentionPeriods()),
      (phrase) => phrase.toLowerCase(),
    ),
    countries: mergeInOrder(parts.map((part) => part.reading.transferPlaces(part.frame))),
    dataCategories: mergeInOrder(parts.map((part) => part.reading.dataCategories())),
  };
}
