import {
  type ChangeRecordListItem,
  type DocumentDetail,
  getDocument,
  getVersion,
  lastProvisionStart,
  listChangeRecords,
  listProvisions,
  listVersions,
  openVersionText,
  type ProvisionListItem,
  type ProvisionView,
  provisionCounts,
  provisionsOfVersion,
  type SeverityCounts,
  type VersionDetail,
  type VersionListItem,
} from "../../store/queries/index.js";
import { tableContextStart } from "../components/markdown.js";
import type { ServerDeps } from "../deps.js";
import { notFound } from "../http-errors.js";
import { type TextPage, textPage } from "./text-pages.js";

/** Provisions read for the summary's three findings: enough to find three clause types among the clear ones. */
const SEVEREST_READ = 30;

/** Everything the document page shows. */
export interface DocumentView {
  document: DocumentDetail;
  versions: VersionListItem[];
  version: VersionDetail;
  /** The version's provisions, counted by severity. */
  provisionCounts: SeverityCounts & { total: number };
  /** The part of the text this request shows. */
  text: TextPage;
  /** The provisions that overlap the page, in reading order. */
  provisions: ProvisionView[];
  /** The text from `window.offset` to the page's end: the page and the lines above it (table headers). */
  window: { text: string; offset: number; length: number };
  isCurrent: boolean;
  /** The version's most severe provisions, for the summary (read apart: `provisions` holds one page's). */
  severest: ProvisionListItem[];
  /** The document's latest substantive change, whichever version is shown. */
  lastChange: ChangeRecordListItem | null;
}

/**
 * The document with one version (default: the one in force) and page `page` (default 1) of its text. Only
 * that page of the text and its provisions are read, however large the version.
 */
export async function loadDocument(
  deps: ServerDeps,
  id: number,
  versionId?: number,
  page = 1,
): Promise<DocumentView> {
  const document = await getDocument(deps.src, id);
  if (!document) throw notFound(`Document ${id}`);
  const chosen = versionId ?? document.currentVersionId;
  if (chosen === null) throw notFound(`A version of document ${id}`);
  const [versions, version, text, counts, changes, severest] = await Promise.all([
    listVersions(deps.src, id),
    getVersion(deps.src, chosen),
    openVersionText(deps.src, chosen),
    provisionCounts(deps.src, chosen),
    listChangeRecords(deps.src, { documentId: id, limit: 1, kinds: ["substantive"] }),
    listProvisions(deps.src, { versionId: chosen, scope: "all", bySeverity: true, limit: SEVEREST_READ }),
  ]);
  if (!version || !text || version.documentId !== id) throw notFound(`Version ${chosen} of document ${id}`);
  const range = await textPage(
    {
      length: text.length,
      splitsPairAt: (offset) => text.splitsPairAt(offset),
      lastProvisionStart: (after, upTo) => lastProvisionStart(deps.src, chosen, after, upTo),
    },
    page,
  );
  const offset = tableContextStart(range.start);
  const [provisions, shown] = await Promise.all([
    provisionsOfVersion(deps.src, chosen, range),
    text.read(offset, range.end),
  ]);
  return {
    document,
    versions,
    version,
    provisionCounts: counts,
    text: range,
    provisions,
    window: { text: shown, offset, length: text.length },
    isCurrent: chosen === document.currentVersionId,
    lastChange: changes[0] ?? null,
    severest,
  };
}
