/** Entity extraction: third parties, e-mail addresses, dates, retention periods, places and data categories. */
export { DATA_CATEGORIES, findDataCategories } from "./data-categories.js";
export { type FoundDate, findDates, parseDate } from "./dates.js";
export { type FoundEmail, findEmails, isPrivacyAddress } from "./emails.js";
export { type ExtractOptions, extractEntities } from "./extract-entities.js";
export { findPlaces, findTransferPlaces } from "./places.js";
export { type ProvisionReading, readProvision } from "./provision-reading.js";
export { findRetentionPeriods } from "./retention.js";
export { sentences } from "./sentences.js";
export {
  findThirdParties,
  KNOWN_THIRD_PARTIES,
  type KnownThirdParty,
  lookupThirdParty,
} from "./third-parties.js";
