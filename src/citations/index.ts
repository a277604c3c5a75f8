/** Citation records: stable record IDs and citation blocks in text, BibTeX and CSL-JSON. */
export {
  buildCitation,
  type Citation,
  type CitationSource,
  type CslItem,
  citationBibtex,
  citationCsl,
  citationText,
} from "./citation.js";
export { formatRecordId, parseRecordId, type RecordKind, type RecordRef } from "./record-id.js";
