/** Segmentation of a version's Markdown into provisions. */
export {
  carriesText,
  plainText,
  truncateWords,
  type UnemphasisedText,
  withoutEmphasis,
} from "./markdown-text.js";
export {
  assignProvisionKeys,
  baseProvisionKey,
  LEAD_WORDS,
  parseProvisionKey,
  significantWords,
} from "./provision-key.js";
export { segment } from "./segment.js";
export { MAX_PROVISION_CHARS, TARGET_GROUP_CHARS } from "./split-long.js";
