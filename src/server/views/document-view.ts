import {
  type ChangeRecordListItem,
  type DocumentDetail,
  getDocument,
  getVersion,
  listChangeRecords,
  listVersions,
  type ProvisionView,
  provisionsOfVersion,
  type VersionDetail,
  type VersionListItem,
} from "../../store/queries/index.js";
import type { ServerDeps } from "../deps.js";
import { notFound } from "../http-errors.js";
import { type TextPage, textPage } from "./text-pages.js";

/** Everything the document page shows. */
export interface DocumentView {
  document: DocumentDetail;
  versions: VersionListItem[];
  version: VersionDetail;
  provisions: ProvisionView[];
  /** The part of the text this request shows. */
  text: TextPage;
  isCurrent: boolean;
  /** The document's latest substantive change, whichever version is shown. */
  lastChange: ChangeRecordListItem | null;
}

/** The document with one version (default: the one in force) and page `page` (default 1) of its text. */
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
  const [versions, version, provisions, changes] = await Promise.all([
    listVersions(deps.src, id),
    getVersion(deps.src, chosen),
    provisionsOfVersion(deps.src, chosen),
    listChangeRecords(deps.src, { documentId: id, limit: 1, kinds: ["substantive"] }),
  ]);
  if (!version || version.documentId !== id) throw notFound(`Version ${chosen} of document ${id}`);
  return {
    document,
    versions,
    version,
    provisions,
    text: textPage(version.text, provisions, page),
    isCurrent: chosen === document.currentVersionId,
    lastChange: changes[0] ?? null,
  };
}
