/** Entity extraction: the named specifics of a document. */
import type { Entities, Provision } from "../../model/index.js";
import { memoize } from "../../util/memo.js";
import { plainText, segment } from "../segment/index.js";
import { findDataCategories } from "./data-categories.js";
import { findDates } from "./dates.js";
import { findEmails } from "./emails.js";
import { findTransferPlaces } from "./places.js";
import { findRetentionPeriods } from "./retention.js";
import { sentences } from "./sentences.js";
import { findThirdParties } from "./third-parties.js";

/** Options of {@link extractEntities}. */
export interface ExtractOptions {
  /** Names of the platform itself and its own brands, never reported as third parties (e.g. ["Google"]). */
  exclude?: readonly string[];
}

/**
 * A provision's Markdown as plain text and its sentences, remembered: the explanations of a document read its
 * provisions again right after its entities were extracted.
 */
export const readProvisionText: (markdown: string) => { plain: string; sentences: readonly string[] } =
  memoize((markdown) => {
    const plain = plainText(markdown);
    return { plain, sentences: sentences(plain) };
  }, 8192);

/** A provision read as plain text: its sentences, with its context and last heading. */
interface ReadProvision {
  sentences: readonly string[];
  /** Heading and context: what the provision is about when its own words do not say. */
  frame: string;
}

function read(provision: Provision): ReadProvision {
  const frame = [provision.headingPath.at(-1) ?? "", provision.context ?? ""].join(" \n ");
  return { sentences: readProvisionText(provision.text).sentences, frame };
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
  const allSentences = parts.flatMap((part) => part.sentences);
  const countries: string[] = [];
  for (const part of parts) {
    for (const place of findTransferPlaces(part.sentences, part.frame))
      if (!countries.includes(place)) countries.push(place);
  }
  return {
    thirdParties: findThirdParties(allSentences.join("\n"), options.exclude),
    emails: findEmails(text).map((email) => email.address),
    dates: findDates(text),
    retentionPeriods: findRetentionPeriods(allSentences),
    countries,
    dataCategories: findDataCategories(allSentences),
  };
}
